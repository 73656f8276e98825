//! `checkpoint::v1`: the portable document a captured process becomes. These types are the
//! format (docs/checkpoint-format.md); the VM's own types never derive `Serialize`.
//!
//! Everything is defined arithmetically: integers by value, floats by their bits, references
//! as indices into `objects` (0 is null, object `i` is reference `i + 1`), classes as indices
//! into `classes`, methods as an index into their class's declared methods, and pcs as byte
//! offsets into the method's bytecode. Bulk data travels as byte strings in little-endian
//! order (see `crate::portable`).

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

/// The value of [`Checkpoint::format`].
pub const FORMAT: &str = "phantom-checkpoint";
/// The value of [`Checkpoint::version`] this module reads and writes.
pub const VERSION: u32 = 1;

/// A whole process at an instruction boundary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The VM and class library the process ran on; a VM refuses any other.
    pub vm: String,
    /// Instructions executed so far over all threads.
    pub executed: u64,
    /// Index of the thread the scheduler runs next.
    pub current_thread: u32,
    /// Instructions that thread may still run before the scheduler moves on.
    pub quantum_left: u64,
    /// State of the identity-hash sequence.
    pub hash_state: u64,
    /// Every loaded class, in load order.
    pub classes: Vec<Class>,
    /// Application class files the process has not loaded yet but may load later.
    pub class_files: Vec<ClassFile>,
    /// Linked `invokedynamic` call sites, in link order.
    pub sites: Vec<Site>,
    /// Every live object.
    pub heap: Heap,
    /// Interned strings: object references, u32 each, sorted.
    pub interned: ByteBuf,
    /// Threads in creation order.
    pub threads: Vec<Thread>,
    /// Held monitors.
    pub monitors: Vec<Monitor>,
    /// How the process was launched; absent in checkpoints of builds before it was recorded
    /// (the resuming VM's own settings then apply).
    #[serde(default)]
    pub launch: Option<Launch>,
    /// Files the process holds open, by ascending descriptor; absent when none is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<OpenFile>,
    /// Bytes of standard input the process has read so far (absent when none): a host whose
    /// input is kept elsewhere (a cluster's home node) continues from there.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub stdin_consumed: u64,
    /// The process's monotonic clock (`System.nanoTime`) at the capture, in nanoseconds: a
    /// restored process's clock goes on from it. Absent (0) in checkpoints of builds before it
    /// was recorded; the clock then starts again at the resuming host's.
    #[serde(default, skip_serializing_if = "is_zero_i64")]
    pub clock: i64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_zero_i64(n: &i64) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A file the process holds open: its descriptor, absolute path (on the process's home, in a
/// cluster), the `jdk.internal.phantom.Fs` open flags and the offset of the next read or write.
/// The file's contents are not part of the checkpoint: they stay where they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenFile {
    /// Descriptor, 3 or more.
    pub fd: i32,
    /// Absolute path.
    pub path: String,
    /// Open flags.
    pub flags: u32,
    /// Position.
    pub position: u64,
}

/// The settings a process was started with that it can observe, so that it sees the same
/// ones wherever it resumes: its heap limit (`Runtime.maxMemory`, when `OutOfMemoryError` is
/// thrown), its `-D` properties (read when `java.lang.System` initializes, which may come
/// after a checkpoint) and its assertion rules (asked by each class as it initializes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Launch {
    /// The heap limit in bytes (a resuming host that allows less applies its own).
    pub max_heap: u64,
    /// `-D` properties in command-line order.
    pub properties: Vec<(String, String)>,
    /// `-ea`/`-da`/`-esa`/`-dsa`.
    pub assertions: crate::assertions::Assertions,
    /// The environment `System.getenv` shows (absent from checkpoints of older builds).
    #[serde(default)]
    pub env: Vec<(String, String)>,
}

/// A loaded class and its runtime state. Encoded as the array
/// `[kind, init, statics, mirror, init_error]`: a process has hundreds of classes, and field
/// names as map keys would be most of their decoding time.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    /// What the class is and where its definition comes from.
    pub kind: ClassKind,
    /// Initialization state.
    pub init: Init,
    /// Static fields, in declaration order.
    pub statics: Slots,
    /// Its `java.lang.Class` object, or 0.
    pub mirror: u32,
    /// The error later uses of a class whose initialization failed report as cause, or 0.
    pub init_error: u32,
}

impl AsRef<ClassKind> for Class {
    fn as_ref(&self) -> &ClassKind {
        &self.kind
    }
}

impl AsRef<ClassKind> for ClassKind {
    fn as_ref(&self) -> &ClassKind {
        self
    }
}

/// The definition of a class. Encoded as a map with one key naming the variant, whose value
/// is the variant's fields in order, as an array (`{"Library": [name, sha256]}`), or the one
/// field itself (`{"Array": 3}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "ClassKindWire")]
pub enum ClassKind {
    /// A class of phantom's class library, which every VM of the same version holds.
    Library {
        /// Binary name.
        name: String,
        /// SHA-256 of its class file.
        sha256: ByteBuf,
    },
    /// An application class; its class file travels with the checkpoint.
    Application {
        /// Binary name.
        name: String,
        /// SHA-256 of `bytes`.
        sha256: ByteBuf,
        /// The class file.
        bytes: ByteBuf,
    },
    /// An array class.
    Array {
        /// Index of the component class.
        component: u32,
    },
    /// `int.class` and friends.
    Primitive {
        /// `int`, `boolean`, ...
        name: String,
    },
    /// The class of a lambda, made by linking a call site.
    Lambda {
        /// Index of the call site in [`Checkpoint::sites`].
        site: u32,
    },
}

/// An application class file that travels with the process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassFile {
    /// Binary name.
    pub name: String,
    /// SHA-256 of `bytes`.
    pub sha256: ByteBuf,
    /// The class file.
    pub bytes: ByteBuf,
}

/// Class initialization state (JLS 12.4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Init {
    /// Not initialized.
    Uninit,
    /// Being initialized by a thread.
    Running {
        /// Thread index.
        thread: u32,
    },
    /// Initialized.
    Done,
    /// Initialization failed.
    Failed,
}

/// A linked `invokedynamic` call site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// Index of the class whose code holds the `invokedynamic`.
    pub host: u32,
    /// The constant-pool index it names.
    pub cp_index: u16,
    /// For a non-capturing lambda, its one instance, or 0.
    pub singleton: u32,
}

impl Serialize for ClassKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const NAME: &str = "ClassKind";
        match self {
            ClassKind::Library { name, sha256 } => {
                s.serialize_newtype_variant(NAME, 0, "Library", &(name, sha256))
            }
            ClassKind::Application {
                name,
                sha256,
                bytes,
            } => s.serialize_newtype_variant(NAME, 1, "Application", &(name, sha256, bytes)),
            ClassKind::Array { component } => {
                s.serialize_newtype_variant(NAME, 2, "Array", component)
            }
            ClassKind::Primitive { name } => {
                s.serialize_newtype_variant(NAME, 3, "Primitive", name)
            }
            ClassKind::Lambda { site } => s.serialize_newtype_variant(NAME, 4, "Lambda", site),
        }
    }
}

/// [`ClassKind`] as it is encoded.
#[derive(Deserialize)]
enum ClassKindWire {
    Library(String, ByteBuf),
    Application(String, ByteBuf, ByteBuf),
    Array(u32),
    Primitive(String),
    Lambda(u32),
}

impl From<ClassKindWire> for ClassKind {
    fn from(w: ClassKindWire) -> ClassKind {
        match w {
            ClassKindWire::Library(name, sha256) => ClassKind::Library { name, sha256 },
            ClassKindWire::Application(name, sha256, bytes) => ClassKind::Application {
                name,
                sha256,
                bytes,
            },
            ClassKindWire::Array(component) => ClassKind::Array { component },
            ClassKindWire::Primitive(name) => ClassKind::Primitive { name },
            ClassKindWire::Lambda(site) => ClassKind::Lambda { site },
        }
    }
}

/// A run of slots: one tag byte per slot (0 unused, 1 int, 2 float, 3 long, 4 double,
/// 5 reference) and one 8-byte little-endian word per slot (the value, a float's or double's
/// bits, or an object reference). Encoded as the array `[tags, words]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Slots {
    /// Tags.
    pub tags: ByteBuf,
    /// Values.
    pub words: ByteBuf,
}

impl Serialize for Class {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (
            &self.kind,
            &self.init,
            &self.statics,
            self.mirror,
            self.init_error,
        )
            .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Class {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Class, D::Error> {
        let (kind, init, statics, mirror, init_error) = Deserialize::deserialize(d)?;
        Ok(Class {
            kind,
            init,
            statics,
            mirror,
            init_error,
        })
    }
}

impl Serialize for Slots {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.tags, &self.words).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Slots {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Slots, D::Error> {
        let (tags, words) = Deserialize::deserialize(d)?;
        Ok(Slots { tags, words })
    }
}

/// Every live object, column by column: object `i` is reference `i + 1`. A heap of a million
/// small objects stays a handful of byte strings, which decode at memory speed, where an
/// item per object would cost a CBOR header each.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Heap {
    /// The class index of each object, u32 each.
    pub classes: ByteBuf,
    /// The identity hash code of each object (0 if never asked for), i32 each.
    pub hashes: ByteBuf,
    /// The length of each object, u32 each: its number of field slots, or of array elements.
    pub lengths: ByteBuf,
    /// The slot tags of every instance's fields (as in [`Slots`]), objects in order.
    pub tags: ByteBuf,
    /// The contents of every object, in order: an instance's slot words, 8 bytes each (as in
    /// [`Slots`]); an array's elements at their width: 1 byte for `boolean` and `byte`, 2 for
    /// `char` and `short`, 4 for `int`, `float` (bits) and references, 8 for `long` and
    /// `double` (bits).
    pub data: ByteBuf,
}

/// The element type of an array, as the heap stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem {
    /// `boolean` and `byte`.
    Byte,
    /// `char`.
    Char,
    /// `short`.
    Short,
    /// `int`.
    Int,
    /// `long`.
    Long,
    /// `float`.
    Float,
    /// `double`.
    Double,
    /// References.
    Ref,
}

impl Elem {
    /// Bytes per element.
    pub fn width(self) -> usize {
        match self {
            Elem::Byte => 1,
            Elem::Char | Elem::Short => 2,
            Elem::Int | Elem::Float | Elem::Ref => 4,
            Elem::Long | Elem::Double => 8,
        }
    }
}

/// One object of a [`Heap`], borrowed from its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectView<'a> {
    /// Class index.
    pub class: u32,
    /// Identity hash code.
    pub hash: i32,
    /// Contents.
    pub contents: Contents<'a>,
}

/// The contents of an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents<'a> {
    /// Instance fields: a tag and an 8-byte word per slot.
    Fields {
        /// Tags.
        tags: &'a [u8],
        /// Words.
        words: &'a [u8],
    },
    /// Array elements, little-endian.
    Array {
        /// Element type.
        elem: Elem,
        /// Number of elements.
        len: usize,
        /// The elements' bytes.
        bytes: &'a [u8],
    },
}

impl Heap {
    /// Number of objects, if the columns agree on it.
    pub fn len(&self) -> Result<usize, String> {
        let n = self.classes.len() / 4;
        if !self.classes.len().is_multiple_of(4)
            || self.hashes.len() != n * 4
            || self.lengths.len() != n * 4
        {
            return Err(format!(
                "heap columns disagree: {} class bytes, {} hash bytes, {} length bytes",
                self.classes.len(),
                self.hashes.len(),
                self.lengths.len()
            ));
        }
        Ok(n)
    }

    /// Whether the heap has no objects.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Walks the objects, splitting the columns by what each object's class (from `classes`,
    /// the document's) says it is. Errors name the object; the walk ends at the first.
    pub fn objects<'a, K: AsRef<ClassKind>>(
        &'a self,
        classes: &'a [K],
    ) -> Result<impl Iterator<Item = Result<ObjectView<'a>, String>> + 'a, String> {
        let n = self.len()?;
        let word = |col: &'a [u8], i: usize| -> [u8; 4] {
            col[i * 4..i * 4 + 4]
                .try_into()
                .expect("len() checked the column")
        };
        let (mut data, mut tags) = (0usize, 0usize);
        let mut failed = false;
        Ok((0..n).map_while(move |i| {
            if failed {
                return None;
            }
            let class = u32::from_le_bytes(word(&self.classes, i));
            let hash = i32::from_le_bytes(word(&self.hashes, i));
            let len = u32::from_le_bytes(word(&self.lengths, i)) as usize;
            let view = self.object(classes, i, class, len, &mut data, &mut tags);
            let result = view.map(|contents| ObjectView {
                class,
                hash,
                contents,
            });
            failed = result.is_err();
            let last = i + 1 == n;
            Some(match result {
                Ok(_) if last && (data != self.data.len() || tags != self.tags.len()) => {
                    Err(format!(
                        "the heap has {} bytes of contents and {} tags past its last object",
                        self.data.len() - data.min(self.data.len()),
                        self.tags.len() - tags.min(self.tags.len())
                    ))
                }
                other => other,
            })
        }))
    }

    fn object<'a, K: AsRef<ClassKind>>(
        &'a self,
        classes: &[K],
        i: usize,
        class: u32,
        len: usize,
        data: &mut usize,
        tags: &mut usize,
    ) -> Result<Contents<'a>, String> {
        let what = || format!("object {}", i + 1);
        let kind = classes
            .get(class as usize)
            .ok_or_else(|| format!("{}: class {class} out of range", what()))?
            .as_ref();
        let elem = match kind {
            ClassKind::Array { component } => {
                Some(match classes.get(*component as usize).map(|c| c.as_ref()) {
                    Some(ClassKind::Primitive { name }) => match name.as_str() {
                        "boolean" | "byte" => Elem::Byte,
                        "char" => Elem::Char,
                        "short" => Elem::Short,
                        "int" => Elem::Int,
                        "long" => Elem::Long,
                        "float" => Elem::Float,
                        "double" => Elem::Double,
                        other => return Err(format!("{}: an array of {other:?}", what())),
                    },
                    Some(_) => Elem::Ref,
                    None => {
                        return Err(format!(
                            "{}: array class {class} of class {component}, out of range",
                            what()
                        ));
                    }
                })
            }
            _ => None,
        };
        let take = |col: &'a [u8], at: &mut usize, size: usize| -> Result<&'a [u8], String> {
            let end = len
                .checked_mul(size)
                .and_then(|b| b.checked_add(*at))
                .filter(|&end| end <= col.len())
                .ok_or_else(|| format!("{}: {len} elements run past the heap's end", what()))?;
            let bytes = &col[*at..end];
            *at = end;
            Ok(bytes)
        };
        Ok(match elem {
            Some(elem) => Contents::Array {
                elem,
                len,
                bytes: take(&self.data, data, elem.width())?,
            },
            None => Contents::Fields {
                tags: take(&self.tags, tags, 1)?,
                words: take(&self.data, data, 8)?,
            },
        })
    }
}

/// A thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    /// Its `java.lang.Thread` object.
    pub object: u32,
    /// Scheduling state.
    pub state: ThreadState,
    /// Interrupt flag.
    pub interrupted: bool,
    /// Daemon flag.
    pub daemon: bool,
    /// Whether it ended by an uncaught exception.
    pub died_by_exception: bool,
    /// Locals and operand stacks of all frames, up to the top of the innermost.
    pub slots: Slots,
    /// Frames, innermost last.
    pub frames: Vec<Frame>,
}

/// One activation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    /// Class index of the method.
    pub class: u32,
    /// Index of the method among the class's declared methods.
    pub method: u32,
    /// Byte offset of the next instruction (for a caller: the one after its call).
    pub pc: u32,
    /// Slot index of local 0.
    pub base: u32,
    /// Slot index one past the top of the operand stack.
    pub sp: u32,
    /// What its return means.
    pub kind: FrameKind,
    /// Monitor a synchronized method holds, or 0.
    pub sync: u32,
}

/// What a frame's return means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrameKind {
    /// An ordinary call.
    Normal,
    /// A class's `<clinit>`.
    Clinit {
        /// Class index.
        class: u32,
    },
    /// A thread's uncaught-exception report; the thread ends when it returns.
    Final,
    /// A method handle call whose boxed result the caller receives unboxed.
    Unbox {
        /// The call site's return kind, as a descriptor character (`L` for references).
        kind: u8,
    },
}

/// Why a thread is not running. Times are relative to the capture, in nanoseconds, because
/// clocks differ between hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThreadState {
    /// Ready to run.
    Runnable,
    /// Sleeping for this much longer.
    Sleeping {
        /// Nanoseconds left.
        left: i64,
    },
    /// In `Object.wait`.
    Waiting {
        /// Object waited on.
        on: u32,
        /// Nanoseconds left, if timed.
        left: Option<i64>,
        /// Monitor recursion to restore.
        count: u32,
    },
    /// Wants a monitor.
    Blocked {
        /// Object whose monitor it wants.
        on: u32,
        /// Recursion to take it with (0: re-run the instruction).
        count: u32,
        /// After a `wait`, whether a notification ended it (absent: false).
        #[serde(default, skip_serializing_if = "is_false")]
        notified: bool,
    },
    /// Waiting for another thread to initialize a class.
    InitWait {
        /// Class index.
        class: u32,
    },
    /// Waiting for standard input.
    Reading,
    /// Finished.
    Terminated,
}

/// A held monitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Monitor {
    /// The object.
    pub object: u32,
    /// Owning thread index.
    pub owner: u32,
    /// Recursion count.
    pub count: u32,
}

/// The value of [`Piece::format`].
pub const PIECE_FORMAT: &str = "phantom-piece";

/// One part of a process sent while it keeps running (pre-copy, docs/plans/precopy.md): a
/// session is a sequence of pieces, in rounds, each bringing the target's copy of the heap up
/// to date with what changed since the piece before; the last piece of the session is made
/// with the process frozen and carries the rest of its state ([`Final`]).
///
/// Unlike a [`Checkpoint`], a piece names objects by the **source's heap handles** (0 is
/// null, handle `h` is reference `h`), which stay the same from one piece to the next; class
/// and call-site indices are those of the whole session, each piece adding to the lists the
/// ones defined since the piece before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Piece {
    /// Always [`PIECE_FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The VM and class library the process runs on; a VM refuses any other.
    pub vm: String,
    /// The session: 16 bytes its source chose, the same in every piece of it.
    pub session: ByteBuf,
    /// Number of the piece in its session, from 0.
    pub seq: u32,
    /// Number of the round: from 0, by one at a time.
    pub round: u32,
    /// How the process was launched (first piece only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch: Option<Launch>,
    /// The application classes the process has not loaded yet (first piece only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub class_files: Vec<ClassFile>,
    /// Index of the first class in `classes`: the number defined by the pieces before.
    pub classes_from: u32,
    /// The classes loaded since the piece before, in load order.
    pub classes: Vec<ClassKind>,
    /// Index of the first call site in `sites`.
    pub sites_from: u32,
    /// The call sites linked since the piece before: `(host class, constant-pool index)`.
    pub sites: Vec<(u32, u16)>,
    /// The initialization state of every class of the session when the piece was made, one
    /// byte each (0 not initialized, 1 being initialized, 2 initialized, 3 failed): linking
    /// a call site again needs the classes its linking initialized.
    pub inits: ByteBuf,
    /// One past the highest handle the source had handed out when the piece was made: every
    /// handle in the piece is below it.
    pub handle_limit: u32,
    /// What changed in the heap.
    pub heap: HeapDelta,
    /// The rest of the process, in the session's last piece only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Box<Final>>,
}

/// The heap records of a [`Piece`], column by column, each column's records in ascending
/// handle order and no handle in more than one of `freed`, `handles` and `arrays`. A target
/// applies them in the order of the fields.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HeapDelta {
    /// Handles that no longer hold an object, u32 each.
    pub freed: ByteBuf,
    /// Handles of the objects sent whole, u32 each: each replaces whatever the handle held.
    pub handles: ByteBuf,
    /// The objects sent whole, in the layout of [`Heap`] (references are handles).
    pub objects: Heap,
    /// Arrays whose contents follow in `runs` (here or in later pieces): per array four u32
    /// (handle, class, length, identity hash as i32). Each replaces whatever the handle held,
    /// zeroed.
    pub arrays: ByteBuf,
    /// Runs of elements of arrays the target holds: per run three u32 (handle, first element,
    /// number of elements).
    pub runs: ByteBuf,
    /// The runs' elements, run after run, at their width (as in [`Heap::data`]).
    pub run_data: ByteBuf,
    /// New identity hash codes of arrays the target holds: per array handle u32, hash i32.
    pub hashes: ByteBuf,
}

/// The state of a process that is not in its heap, at the instruction where it was frozen,
/// in the session's last [`Piece`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Final {
    /// Everything but the heap, as a [`Checkpoint`] with no objects, whose references are
    /// handles as in the piece. Its classes are those of the whole session (the bytes of
    /// application classes left out: the pieces brought them), its class files empty (the
    /// first piece brought them), its launch the first piece's.
    pub state: Checkpoint,
    /// Number of handles holding an object: the target's count must agree.
    pub live_objects: u64,
    /// One past the highest handle the source had handed out: the process allocates the
    /// lowest empty handle below it next, then this one.
    pub handle_limit: u32,
}
