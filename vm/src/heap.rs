//! The heap: objects and arrays addressed by handles, with identity hash codes stored in each
//! object, and a mark-and-sweep collector that traces from roots the VM supplies.
//!
//! The handle table ([`RawObj`], one entry per handle) is the heap's own record of every object:
//! where its fields or elements are, how many, their kind, its class and its identity hash.
//! Compiled code reads it directly, so a field or element access is a few loads at known
//! offsets, and allocates from it directly ([`Fast`]): storage for small objects comes from
//! per-size free lists of blocks carved out of large chunks, so the common `new` in compiled
//! code pops a block and a handle and writes the fields, without a call.
//!
//! Rust code sees objects through views ([`Heap::get`], [`Heap::get_mut`]) and creates them
//! from owned contents ([`Data`], [`Heap::alloc`]) or zeroed ([`Heap::alloc_array`],
//! [`Heap::alloc_fields`]).
//!
//! The collector never runs inside an allocation: the interpreter asks [`Heap::wants_collection`]
//! at instruction boundaries, where every live reference is in a slot the VM can see.
//!
//! # The dirty record
//!
//! Every write to the heap leaves a mark, so that a copy of the heap can be brought up to date
//! by sending only what changed (pre-copy migration and incremental checkpoints,
//! docs/plans/precopy.md):
//! - **dirty**: one byte per handle, set by any write to the object (a field, an element of
//!   small storage, its identity hash) and by its allocation and its freeing;
//! - **fresh**: one bit per handle, set when the handle gets a new occupant or loses one, so a
//!   consumer never mistakes a new array for the old one with a few changes;
//! - **cards**: storage allocated on its own (over [`CARD_BYTES`] bytes) carries one byte per
//!   [`CARD_BYTES`] of elements right before its first element, card `i` at `ptr - 1 - i` (so
//!   compiled code finds it from the element's offset alone), set by element writes (which
//!   may leave the handle's own byte clear), so a large array is resent by the cards that
//!   changed.
//!
//! The record is kept only while a consumer asks for it ([`Heap::set_tracking`]). The marks
//! are set inside the heap's own write API ([`Heap::store_field`],
//! [`Heap::store_element`], [`Heap::get_mut`], [`Heap::get_mut_range`], allocation, hashing,
//! collection); code that writes through the raw table (compiled code, `arraycopy`) marks with
//! [`Heap::mark_elements`] or writes the map itself ([`Heap::dirty_map`]). Nothing clears a mark
//! but its consumer ([`Heap::clear_marks`], [`Heap::clear_all_marks`]). [`audit`] checks, for
//! tests, that every change since a snapshot is marked.

use crate::value::{NULL, Ref, Value};
use std::alloc::Layout;

pub mod audit;
mod copy;

/// Index of a class in the VM's class table.
pub type ClassId = u32;

/// The contents of a new object or array, owned: what [`Heap::alloc`] copies into the heap.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// An instance: one slot per field, in the class's field layout.
    Fields(Box<[Value]>),
    /// `boolean[]` or `byte[]`
    Bytes(Box<[i8]>),
    /// `char[]`
    Chars(Box<[u16]>),
    /// `short[]`
    Shorts(Box<[i16]>),
    /// `int[]`
    Ints(Box<[i32]>),
    /// `long[]`
    Longs(Box<[i64]>),
    /// `float[]`
    Floats(Box<[f32]>),
    /// `double[]`
    Doubles(Box<[f64]>),
    /// An array of references.
    Refs(Box<[Ref]>),
}

impl Data {
    /// Array length, or `None` for instances.
    pub fn array_len(&self) -> Option<usize> {
        self.view().array_len()
    }

    /// Approximate bytes this object occupies, for collection pacing and memory limits.
    pub fn footprint(&self) -> usize {
        let v = self.view();
        footprint(v.kind(), v.len())
    }

    /// The contents, borrowed.
    pub fn view(&self) -> DataRef<'_> {
        match self {
            Data::Fields(a) => DataRef::Fields(a),
            Data::Bytes(a) => DataRef::Bytes(a),
            Data::Chars(a) => DataRef::Chars(a),
            Data::Shorts(a) => DataRef::Shorts(a),
            Data::Ints(a) => DataRef::Ints(a),
            Data::Longs(a) => DataRef::Longs(a),
            Data::Floats(a) => DataRef::Floats(a),
            Data::Doubles(a) => DataRef::Doubles(a),
            Data::Refs(a) => DataRef::Refs(a),
        }
    }
}

/// The contents of an object in the heap, borrowed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DataRef<'a> {
    /// An instance's fields.
    Fields(&'a [Value]),
    /// `boolean[]` or `byte[]`
    Bytes(&'a [i8]),
    /// `char[]`
    Chars(&'a [u16]),
    /// `short[]`
    Shorts(&'a [i16]),
    /// `int[]`
    Ints(&'a [i32]),
    /// `long[]`
    Longs(&'a [i64]),
    /// `float[]`
    Floats(&'a [f32]),
    /// `double[]`
    Doubles(&'a [f64]),
    /// An array of references.
    Refs(&'a [Ref]),
}

impl DataRef<'_> {
    /// Array length, or `None` for instances.
    pub fn array_len(&self) -> Option<usize> {
        match self {
            DataRef::Fields(_) => None,
            _ => Some(self.len()),
        }
    }

    /// Number of fields or elements.
    pub(crate) fn len(&self) -> usize {
        match self {
            DataRef::Fields(a) => a.len(),
            DataRef::Bytes(a) => a.len(),
            DataRef::Chars(a) => a.len(),
            DataRef::Shorts(a) => a.len(),
            DataRef::Ints(a) => a.len(),
            DataRef::Longs(a) => a.len(),
            DataRef::Floats(a) => a.len(),
            DataRef::Doubles(a) => a.len(),
            DataRef::Refs(a) => a.len(),
        }
    }

    /// The [`raw_kind`] of this storage.
    pub(crate) fn kind(&self) -> u32 {
        match self {
            DataRef::Fields(_) => raw_kind::FIELDS,
            DataRef::Bytes(_) => raw_kind::BYTES,
            DataRef::Chars(_) => raw_kind::CHARS,
            DataRef::Shorts(_) => raw_kind::SHORTS,
            DataRef::Ints(_) => raw_kind::INTS,
            DataRef::Longs(_) => raw_kind::LONGS,
            DataRef::Floats(_) => raw_kind::FLOATS,
            DataRef::Doubles(_) => raw_kind::DOUBLES,
            DataRef::Refs(_) => raw_kind::REFS,
        }
    }

    /// A copy of the contents, owned.
    pub fn to_owned(&self) -> Data {
        match *self {
            DataRef::Fields(a) => Data::Fields(a.into()),
            DataRef::Bytes(a) => Data::Bytes(a.into()),
            DataRef::Chars(a) => Data::Chars(a.into()),
            DataRef::Shorts(a) => Data::Shorts(a.into()),
            DataRef::Ints(a) => Data::Ints(a.into()),
            DataRef::Longs(a) => Data::Longs(a.into()),
            DataRef::Floats(a) => Data::Floats(a.into()),
            DataRef::Doubles(a) => Data::Doubles(a.into()),
            DataRef::Refs(a) => Data::Refs(a.into()),
        }
    }
}

/// The contents of an object in the heap, mutably borrowed: fields and elements may change,
/// their number may not.
#[derive(Debug, PartialEq)]
pub enum DataMut<'a> {
    /// An instance's fields.
    Fields(&'a mut [Value]),
    /// `boolean[]` or `byte[]`
    Bytes(&'a mut [i8]),
    /// `char[]`
    Chars(&'a mut [u16]),
    /// `short[]`
    Shorts(&'a mut [i16]),
    /// `int[]`
    Ints(&'a mut [i32]),
    /// `long[]`
    Longs(&'a mut [i64]),
    /// `float[]`
    Floats(&'a mut [f32]),
    /// `double[]`
    Doubles(&'a mut [f64]),
    /// An array of references.
    Refs(&'a mut [Ref]),
}

impl DataMut<'_> {
    /// Array length, or `None` for instances.
    pub fn array_len(&self) -> Option<usize> {
        Some(match self {
            DataMut::Fields(_) => return None,
            DataMut::Bytes(a) => a.len(),
            DataMut::Chars(a) => a.len(),
            DataMut::Shorts(a) => a.len(),
            DataMut::Ints(a) => a.len(),
            DataMut::Longs(a) => a.len(),
            DataMut::Floats(a) => a.len(),
            DataMut::Doubles(a) => a.len(),
            DataMut::Refs(a) => a.len(),
        })
    }
}

/// An object or array in the heap, borrowed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Obj<'a> {
    /// Its class (for arrays, the array class).
    pub class: ClassId,
    /// Identity hash code, 0 until first asked for.
    pub hash: i32,
    /// Fields or elements.
    pub data: DataRef<'a>,
}

/// An object or array in the heap, mutably borrowed.
#[derive(Debug, PartialEq)]
pub struct ObjMut<'a> {
    /// Its class (for arrays, the array class).
    pub class: ClassId,
    /// Fields or elements.
    pub data: DataMut<'a>,
}

/// Approximate bytes an object of `kind` with `len` fields or elements occupies, for collection
/// pacing and memory limits (the same on every architecture).
fn footprint(kind: u32, len: usize) -> usize {
    const HEADER: usize = 48;
    HEADER + len * raw_kind::width(kind)
}

/// One handle's entry in the table: where its storage is, its length and kind, its class and
/// identity hash. `kind` is [`raw_kind::FREE`] for null and freed handles, so a compiled access
/// checks one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
pub struct RawObj {
    /// Address of the first field (a [`Value`]) or element.
    pub ptr: usize,
    /// Number of fields or elements.
    pub len: u32,
    /// One of [`raw_kind`].
    pub kind: u32,
    /// The object's class (for arrays, the array class): what a virtual call or a type check
    /// in compiled code compares.
    pub class: ClassId,
    /// Identity hash code, 0 until first asked for.
    pub hash: i32,
}

/// The kinds of [`RawObj`]: what its storage holds.
pub mod raw_kind {
    /// No object (null, or a freed handle).
    pub const FREE: u32 = 0;
    /// Instance fields, one [`super::Value`] each.
    pub const FIELDS: u32 = 1;
    /// `boolean[]` or `byte[]` (i8)
    pub const BYTES: u32 = 2;
    /// `char[]` (u16)
    pub const CHARS: u32 = 3;
    /// `short[]` (i16)
    pub const SHORTS: u32 = 4;
    /// `int[]` (i32)
    pub const INTS: u32 = 5;
    /// `long[]` (i64)
    pub const LONGS: u32 = 6;
    /// `float[]` (f32)
    pub const FLOATS: u32 = 7;
    /// `double[]` (f64)
    pub const DOUBLES: u32 = 8;
    /// Reference arrays (u32 handles)
    pub const REFS: u32 = 9;

    /// The kind of an array whose elements are of `elem`.
    pub const fn of_elem(elem: crate::descriptor::Kind) -> u32 {
        use crate::descriptor::Kind;
        match elem {
            Kind::Boolean | Kind::Byte => BYTES,
            Kind::Char => CHARS,
            Kind::Short => SHORTS,
            Kind::Int => INTS,
            Kind::Long => LONGS,
            Kind::Float => FLOATS,
            Kind::Double => DOUBLES,
            _ => REFS,
        }
    }

    /// The kind of a primitive array by its `newarray` type code (4 to 11).
    pub const fn of_atype(atype: u8) -> u32 {
        match atype {
            4 | 8 => BYTES,
            5 => CHARS,
            6 => FLOATS,
            7 => DOUBLES,
            9 => SHORTS,
            10 => INTS,
            _ => LONGS,
        }
    }

    /// Bytes per field or element of a kind.
    pub const fn width(kind: u32) -> usize {
        match kind {
            FIELDS => size_of::<super::Value>(),
            BYTES => 1,
            CHARS | SHORTS => 2,
            INTS | FLOATS | REFS => 4,
            LONGS | DOUBLES => 8,
            _ => 0,
        }
    }
}

/// Bytes per storage block step: blocks of small objects are whole multiples of it.
pub const BLOCK_STEP: usize = 16;
/// Size classes of small blocks: class `k` holds blocks of `k * BLOCK_STEP` bytes, for
/// `k` in `1..=SIZE_CLASSES`; larger storage is allocated on its own.
pub const SIZE_CLASSES: usize = 32;
/// Bytes of each chunk small blocks are carved from.
const CHUNK: usize = 1 << 20;
/// Bytes of blocks a refill carves at once into an empty free list.
const REFILL: usize = 4096;

/// Bytes of elements one card of large storage covers (see the module's dirty record).
pub const CARD_BYTES: usize = 1 << CARD_SHIFT;
/// `log2(CARD_BYTES)`: a byte offset into large storage shifted right by it is its card.
pub const CARD_SHIFT: u32 = 9;
// Storage with cards is exactly storage allocated on its own.
const _: () = assert!(CARD_BYTES == SIZE_CLASSES * BLOCK_STEP);

/// The size class of storage of `bytes` bytes: `Some(0)` for none at all, `None` for storage
/// allocated on its own.
fn size_class(bytes: usize) -> Option<usize> {
    let k = bytes.div_ceil(BLOCK_STEP);
    (k <= SIZE_CLASSES).then_some(k)
}

/// The allocator's state, in one place compiled code can address: a `new` in compiled code
/// checks the collection pacing and the limit, pops a block from `lists` and a handle from the
/// free handles (or takes the next unused one), writes the handle's table entry and the
/// fields, and adds the footprint, exactly as [`Heap::alloc`] would; anything else (a
/// collection due, an empty list, a full table) it leaves to the heap.
#[repr(C)]
#[derive(Debug)]
pub struct Fast {
    /// Table entries in use: handles below it have been handed out (some are free again).
    pub used: u64,
    /// Table entries allocated: `used` may grow to it without moving the table.
    pub room: u64,
    /// The free handles, a stack (the next handle to reuse is on top): `room` entries of room.
    pub free: *mut Ref,
    /// Entries on the free-handle stack.
    pub free_len: u64,
    /// Bytes allocated since the last collection.
    pub since: u64,
    /// Bytes allocated after which a collection is due.
    pub next_gc: u64,
    /// Bytes of live data as of the last collection plus what was allocated since.
    pub live: u64,
    /// The limit of live data.
    pub max: u64,
    /// Per size class, the first free block (0: none); each free block holds the address of
    /// the next in its first word.
    pub lists: [usize; SIZE_CLASSES + 1],
}

/// Offsets in [`Fast`], as compiled code addresses them.
pub mod fast {
    use super::Fast;
    use std::mem::offset_of;
    /// [`Fast::used`]
    pub const USED: i32 = offset_of!(Fast, used) as i32;
    /// [`Fast::room`]
    pub const ROOM: i32 = offset_of!(Fast, room) as i32;
    /// [`Fast::free`]
    pub const FREE: i32 = offset_of!(Fast, free) as i32;
    /// [`Fast::free_len`]
    pub const FREE_LEN: i32 = offset_of!(Fast, free_len) as i32;
    /// [`Fast::since`]
    pub const SINCE: i32 = offset_of!(Fast, since) as i32;
    /// [`Fast::next_gc`]
    pub const NEXT_GC: i32 = offset_of!(Fast, next_gc) as i32;
    /// [`Fast::live`]
    pub const LIVE: i32 = offset_of!(Fast, live) as i32;
    /// [`Fast::max`]
    pub const MAX: i32 = offset_of!(Fast, max) as i32;
    /// [`Fast::lists`]
    pub const LISTS: i32 = offset_of!(Fast, lists) as i32;
}

/// The heap.
pub struct Heap {
    /// The handle table: `fast.room` entries, of which `fast.used` have been handed out.
    raw: Vec<RawObj>,
    /// Storage of the free-handle stack (`fast.room` entries, `fast.free_len` in use).
    free: Vec<Ref>,
    /// The chunks small blocks are carved from; never freed before the heap.
    chunks: Vec<usize>,
    /// The uncarved part of the newest chunk: `(next address, end)`.
    bump: (usize, usize),
    /// What compiled code allocates with; boxed, so its address never changes.
    fast: Box<Fast>,
    /// The dirty map: one byte per table entry (`raw.len()` of them), 1 when written.
    dirty: Vec<u8>,
    /// One bit per table entry: the handle's occupant changed (allocated or freed).
    fresh: Vec<u64>,
    /// Whether writes are marked at all ([`Heap::set_tracking`]).
    tracking: bool,
    /// The current consumer of the dirty record ([`Heap::begin_epoch`]).
    epoch: u64,
    /// While objects are placed at given handles (a pre-copy's target), one bit per handle
    /// holding one; emptied when placing ends ([`Heap::settle`]).
    placed: Vec<u64>,
    hash_state: u64,
    /// Number of collections so far.
    pub collections: u64,
}

// SAFETY: the raw pointers in `Heap` and its table point only into memory the heap itself owns
// (its chunks, its large blocks, its vectors); nothing is shared with another heap or thread.
unsafe impl Send for Heap {}

impl std::fmt::Debug for Heap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Heap")
            .field("handles", &self.fast.used)
            .field("live_bytes", &self.fast.live)
            .field("collections", &self.collections)
            .finish_non_exhaustive()
    }
}

/// Why [`Heap::load_element`] and its kin found nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// Null or a freed handle.
    Null,
    /// The index is outside the array (of this length; 0 for an instance).
    Index(usize),
    /// The object has no such field (an array, or an instance of another class).
    Field,
}

/// Allocation would exceed the heap's limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfMemory;

const MIN_GC_INTERVAL: usize = 32 << 20;
/// Table entries allocated at first.
const FIRST_ROOM: usize = 1024;

impl Heap {
    /// An empty heap holding at most `max_bytes` (approximately) of live data.
    pub fn new(max_bytes: usize) -> Heap {
        // Handle 0 is null and never holds an object.
        let raw = vec![RawObj::default(); FIRST_ROOM];
        let mut free = vec![NULL; FIRST_ROOM];
        let dirty = vec![0u8; FIRST_ROOM];
        let fast = Box::new(Fast {
            used: 1,
            room: FIRST_ROOM as u64,
            free: free.as_mut_ptr(),
            free_len: 0,
            since: 0,
            next_gc: MIN_GC_INTERVAL as u64,
            live: 0,
            max: max_bytes as u64,
            lists: [0; SIZE_CLASSES + 1],
        });
        Heap {
            raw,
            free,
            chunks: Vec::new(),
            bump: (0, 0),
            fast,
            dirty,
            fresh: vec![0; FIRST_ROOM / 64],
            tracking: false,
            epoch: 0,
            placed: Vec::new(),
            hash_state: 0x9E37_79B9_7F4A_7C15,
            collections: 0,
        }
    }

    /// Whether enough has been allocated since the last collection that one should run.
    #[inline]
    pub fn wants_collection(&self) -> bool {
        self.fast.since >= self.fast.next_gc
    }

    /// Allocates an object holding a copy of `data`. Fails only when the live data would
    /// exceed the heap limit even after the collection the caller was asked to run.
    pub fn alloc(&mut self, class: ClassId, data: Data) -> Result<Ref, OutOfMemory> {
        self.alloc_copy(class, data.view())
    }

    /// Allocates an instance of `class` whose fields are a copy of `fields`.
    pub fn alloc_fields(&mut self, class: ClassId, fields: &[Value]) -> Result<Ref, OutOfMemory> {
        self.alloc_copy(class, DataRef::Fields(fields))
    }

    /// Allocates an object holding a copy of `data` (which may be another object's).
    pub fn alloc_copy(&mut self, class: ClassId, data: DataRef<'_>) -> Result<Ref, OutOfMemory> {
        let (r, to) = self.alloc_raw(class, data.kind(), data.len())?;
        // SAFETY: `to` is fresh storage for `data`'s kind and length, not part of `data`.
        unsafe { copy_into(to, data) };
        Ok(r)
    }

    /// Allocates an array of `len` elements of `kind` (a [`raw_kind`] other than `FREE` and
    /// `FIELDS`), every element zero, `false` or null.
    pub fn alloc_array(
        &mut self,
        class: ClassId,
        kind: u32,
        len: usize,
    ) -> Result<Ref, OutOfMemory> {
        debug_assert!(kind > raw_kind::FIELDS && kind <= raw_kind::REFS);
        self.alloc_raw(class, kind, len).map(|(r, _)| r)
    }

    /// A handle and zeroed storage (all zero bytes is a valid value of every kind: `Top`, 0,
    /// 0.0, null) for an object, its footprint counted.
    fn alloc_raw(
        &mut self,
        class: ClassId,
        kind: u32,
        len: usize,
    ) -> Result<(Ref, usize), OutOfMemory> {
        let size = footprint(kind, len) as u64;
        let len32 = u32::try_from(len).map_err(|_| OutOfMemory)?;
        if self.fast.live + size > self.fast.max {
            return Err(OutOfMemory);
        }
        self.fast.live += size;
        self.fast.since += size;
        let ptr = self.storage(len * raw_kind::width(kind));
        let r = self.take_handle();
        self.raw[r as usize] = RawObj {
            ptr,
            len: len32,
            kind,
            class,
            hash: 0,
        };
        self.renew(r);
        Ok((r, ptr))
    }

    /// The next handle: the most recently freed one on the stack, or the next unused one.
    fn take_handle(&mut self) -> Ref {
        let f = &mut self.fast;
        if f.free_len > 0 {
            f.free_len -= 1;
            return self.free[f.free_len as usize];
        }
        if f.used == f.room {
            let room = self.raw.len() * 2;
            self.raw.resize(room, RawObj::default());
            self.free.resize(room, NULL);
            self.dirty.resize(room, 0);
            self.fresh.resize(room.div_ceil(64), 0);
            f.free = self.free.as_mut_ptr();
            f.room = room as u64;
        }
        f.used += 1;
        (f.used - 1) as Ref
    }

    /// Zeroed storage of `bytes` bytes, aligned for any element type: a block of its size
    /// class, or for large storage an allocation of its own.
    fn storage(&mut self, bytes: usize) -> usize {
        match size_class(bytes) {
            // No storage: an address that is not null and aligned for every element type.
            Some(0) => BLOCK_STEP,
            Some(k) => {
                if self.fast.lists[k] == 0 {
                    self.refill(k);
                }
                let b = self.fast.lists[k];
                // SAFETY: `b` heads class k's free list: a block of `k * BLOCK_STEP` bytes in a
                // chunk the heap owns, no object's storage, holding the next block's address.
                unsafe {
                    self.fast.lists[k] = *(b as *const usize);
                    std::ptr::write_bytes(b as *mut u8, 0, k * BLOCK_STEP);
                }
                b
            }
            None => {
                let layout = large_layout(bytes);
                // SAFETY: the layout's size is not zero (it is above the largest size class).
                let p = unsafe { std::alloc::alloc_zeroed(layout) };
                if p.is_null() {
                    std::alloc::handle_alloc_error(layout);
                }
                // The cards first, then the elements.
                p as usize + card_room(bytes)
            }
        }
    }

    /// Carves blocks of size class `k` (about [`REFILL`] bytes of them) onto its free list,
    /// lowest address first, taking a new chunk when the current one is used up.
    fn refill(&mut self, k: usize) {
        let size = k * BLOCK_STEP;
        let want = (REFILL / size).max(1);
        if (self.bump.1 - self.bump.0) / size == 0 {
            let layout = chunk_layout();
            // SAFETY: the layout's size is not zero.
            let p = unsafe { std::alloc::alloc_zeroed(layout) };
            if p.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            self.chunks.push(p as usize);
            self.bump = (p as usize, p as usize + CHUNK);
        }
        let n = want.min((self.bump.1 - self.bump.0) / size);
        let base = self.bump.0;
        self.bump.0 += n * size;
        for i in (0..n).rev() {
            let b = base + i * size;
            // SAFETY: `b` is an uncarved block of the current chunk, inside it, word-aligned.
            unsafe { *(b as *mut usize) = self.fast.lists[k] };
            self.fast.lists[k] = b;
        }
    }

    /// Gives back the storage of a freed object.
    fn free_storage(&mut self, e: RawObj) {
        let bytes = e.len as usize * raw_kind::width(e.kind);
        match size_class(bytes) {
            Some(0) => {}
            Some(k) => {
                // SAFETY: the storage is a block of class k that no object holds any more.
                unsafe { *(e.ptr as *mut usize) = self.fast.lists[k] };
                self.fast.lists[k] = e.ptr;
            }
            // SAFETY: large storage was allocated by `storage` with this very layout, its
            // elements `card_room` bytes after the start.
            None => unsafe {
                std::alloc::dealloc((e.ptr - card_room(bytes)) as *mut u8, large_layout(bytes))
            },
        }
    }

    /// The handle table for compiled code: `(entries, entries in use)`. The address is valid
    /// until the next allocation that does not fit or collection; entries of live objects stay
    /// valid until the object is freed (fields and elements may be written through them).
    pub fn raw_table(&mut self) -> (*mut RawObj, usize) {
        (self.raw.as_mut_ptr(), self.fast.used as usize)
    }

    /// The dirty map for compiled code: one byte per table entry; a write to handle `h` stores
    /// 1 at `h` (a write to an element of large storage marks its card instead: see the
    /// module's dirty record). Valid as long as [`Heap::raw_table`]'s address.
    pub fn dirty_map(&mut self) -> *mut u8 {
        self.dirty.as_mut_ptr()
    }

    /// The allocator's state for compiled code (see [`Fast`]); its address never changes.
    pub fn fast_state(&mut self) -> *mut Fast {
        &mut *self.fast
    }

    /// Whether the collector must run before an allocation of `size` bytes can succeed.
    pub fn would_exceed(&self, size: usize) -> bool {
        self.fast.live + size as u64 > self.fast.max
    }

    /// The entry of a live object.
    #[inline(always)]
    fn entry(&self, r: Ref) -> Option<RawObj> {
        let e = *self.raw.get(r as usize)?;
        (e.kind != raw_kind::FREE).then_some(e)
    }

    /// The object behind a non-null handle, or `None` for null or a freed handle.
    #[inline(always)]
    pub fn get(&self, r: Ref) -> Option<Obj<'_>> {
        let e = self.entry(r)?;
        Some(Obj {
            class: e.class,
            hash: e.hash,
            // SAFETY: a live entry describes storage the heap owns, initialized, of its kind
            // and length; the view borrows the heap, so nothing frees or writes it meanwhile.
            data: unsafe { view(e) },
        })
    }

    /// The object behind a non-null handle, mutably. Marks the whole object written (every
    /// card of a large array); a writer of a few elements uses [`Heap::get_mut_range`].
    #[inline(always)]
    pub fn get_mut(&mut self, r: Ref) -> Option<ObjMut<'_>> {
        let e = self.entry(r)?;
        self.mark_elements(r, 0..e.len as usize);
        Some(self.view_mut(e))
    }

    /// Array `r` mutably, for a writer of the elements in `elems` only (which the caller must
    /// keep to: the dirty record marks just their cards).
    pub fn get_mut_range(&mut self, r: Ref, elems: std::ops::Range<usize>) -> Option<ObjMut<'_>> {
        let e = self.entry(r)?;
        self.mark_elements(
            r,
            elems.start.min(e.len as usize)..elems.end.min(e.len as usize),
        );
        Some(self.view_mut(e))
    }

    fn view_mut(&mut self, e: RawObj) -> ObjMut<'_> {
        fn at<'a, T>(e: RawObj) -> &'a mut [T] {
            // SAFETY: as in `get`; the view borrows the heap mutably, so it is the only one.
            unsafe { std::slice::from_raw_parts_mut(e.ptr as *mut T, e.len as usize) }
        }
        let data = match e.kind {
            raw_kind::FIELDS => DataMut::Fields(at(e)),
            raw_kind::BYTES => DataMut::Bytes(at(e)),
            raw_kind::CHARS => DataMut::Chars(at(e)),
            raw_kind::SHORTS => DataMut::Shorts(at(e)),
            raw_kind::INTS => DataMut::Ints(at(e)),
            raw_kind::LONGS => DataMut::Longs(at(e)),
            raw_kind::FLOATS => DataMut::Floats(at(e)),
            raw_kind::DOUBLES => DataMut::Doubles(at(e)),
            _ => DataMut::Refs(at(e)),
        };
        ObjMut {
            class: e.class,
            data,
        }
    }

    /// Starts (`true`) or stops keeping the dirty record. Nothing is marked while it is off,
    /// so a consumer turns it on before its first round and takes every object as written
    /// in that round; marks already set stay until cleared. Off in a new heap: the marks
    /// cost the interpreter's stores a little, and nothing reads them unless a pre-copy, an
    /// incremental checkpoint or an audit runs.
    pub fn set_tracking(&mut self, on: bool) {
        self.tracking = on;
    }

    /// Whether the dirty record is kept ([`Heap::set_tracking`]).
    pub fn tracking(&self) -> bool {
        self.tracking
    }

    /// Marks handle `r` written (no card). Off the interpreter's fast path: one test of a
    /// flag when the record is not kept.
    #[inline(always)]
    fn mark(&mut self, r: Ref) {
        if self.tracking {
            self.mark_tracked(r);
        }
    }

    #[cold]
    #[inline(never)]
    fn mark_tracked(&mut self, r: Ref) {
        debug_assert!((r as usize) < self.dirty.len());
        // SAFETY: `r` has a table entry (every caller looked it up or just made it), and the
        // dirty map has one byte per entry.
        unsafe { *self.dirty.get_unchecked_mut(r as usize) = 1 };
    }

    /// Marks handle `r` written and its occupant changed.
    fn renew(&mut self, r: Ref) {
        if self.tracking {
            self.mark_tracked(r);
            self.fresh[r as usize / 64] |= 1 << (r % 64);
        }
    }

    /// Marks elements `elems` of object `r` written: the handle, and for large storage the
    /// cards holding them. Does nothing for a freed handle.
    #[inline]
    pub fn mark_elements(&mut self, r: Ref, elems: std::ops::Range<usize>) {
        if !self.tracking {
            return;
        }
        let Some(e) = self.entry(r) else {
            return;
        };
        self.mark(r);
        if elems.start < elems.end
            && let Some(cards) = cards_of(e)
        {
            let w = raw_kind::width(e.kind);
            let first = (elems.start * w) >> CARD_SHIFT;
            let last = ((elems.end.min(e.len as usize) * w).saturating_sub(1)) >> CARD_SHIFT;
            if first <= last && last < cards.len {
                // SAFETY: cards `first..=last` of live large storage, which lie backwards at
                // `end - 1 - last ..= end - 1 - first`, inside its card area.
                unsafe { std::ptr::write_bytes(cards.end.sub(1 + last), 1, last - first + 1) };
            }
        }
    }

    /// Marks element `i` of live array `r` (entry `e`) written: the handle and its card.
    #[cold]
    #[inline(never)]
    fn mark_element(&mut self, r: Ref, e: RawObj, i: usize) {
        self.mark_tracked(r);
        if let Some(cards) = cards_of(e) {
            let w = raw_kind::width(e.kind);
            // SAFETY: the card area of live large storage; element `i` is inside the storage
            // (the caller checked it), so its card is one of the `len` bytes before `end`.
            unsafe { *cards.end.sub(1 + ((i * w) >> CARD_SHIFT)) = 1 };
        }
    }

    /// Whether handle `r` was written since its mark was last cleared. For large storage an
    /// element write may show only in its card ([`Heap::cards`]): compiled code marks just
    /// the card.
    pub fn is_dirty(&self, r: Ref) -> bool {
        self.dirty.get(r as usize).is_some_and(|&d| d != 0)
    }

    /// Whether handle `r` got or lost an occupant since its mark was last cleared.
    pub fn is_fresh(&self, r: Ref) -> bool {
        self.fresh
            .get(r as usize / 64)
            .is_some_and(|w| w & (1 << (r % 64)) != 0)
    }

    /// The cards of object `r`, if its storage is large: one per [`CARD_BYTES`] of elements,
    /// marked when written since cleared.
    pub fn cards(&self, r: Ref) -> Option<Cards<'_>> {
        let e = self.entry(r)?;
        let c = cards_of(e)?;
        // SAFETY: the card area of live large storage, `len` bytes before `end`; the borrow
        // of the heap keeps the object alive and unwritten.
        Some(Cards(unsafe {
            std::slice::from_raw_parts(c.end.sub(c.len), c.len)
        }))
    }

    /// Clears every mark of handle `r`: dirty, fresh and its cards.
    pub fn clear_marks(&mut self, r: Ref) {
        let Some(d) = self.dirty.get_mut(r as usize) else {
            return;
        };
        *d = 0;
        self.fresh[r as usize / 64] &= !(1 << (r % 64));
        self.clear_cards(r);
    }

    /// Clears every mark in the heap.
    pub fn clear_all_marks(&mut self) {
        for r in 1..self.fast.used as Ref {
            self.clear_cards(r);
        }
        self.dirty.fill(0);
        self.fresh.fill(0);
    }

    /// Clears the cards of object `r`, if its storage is large.
    fn clear_cards(&mut self, r: Ref) {
        if let Some(e) = self.entry(r)
            && let Some(c) = cards_of(e)
        {
            // SAFETY: the card area of live large storage, `len` bytes before `end`.
            unsafe { std::ptr::write_bytes(c.end.sub(c.len), 0, c.len) };
        }
    }

    /// The entry of array `r` if `i` is one of its indexes (an instance has none).
    #[inline(always)]
    fn array_entry(&self, r: Ref, i: usize) -> Result<RawObj, Miss> {
        let e = self.entry(r).ok_or(Miss::Null)?;
        if e.kind == raw_kind::FIELDS {
            return Err(Miss::Index(0));
        }
        if i >= e.len as usize {
            return Err(Miss::Index(e.len as usize));
        }
        Ok(e)
    }

    /// Element `i` of array `r` as the interpreter pushes it (and whether it takes two
    /// slots): one look at the table entry, one bounds check, one load.
    #[inline(always)]
    pub fn load_element(&self, r: Ref, i: usize) -> Result<(Value, bool), Miss> {
        let e = self.array_entry(r, i)?;
        // SAFETY: a live entry's storage holds `len` initialized elements of its kind, and
        // `i` is below `len`.
        unsafe {
            let p = e.ptr;
            Ok(match e.kind {
                raw_kind::INTS => (Value::Int(*(p as *const i32).add(i)), false),
                raw_kind::REFS => (Value::Ref(*(p as *const Ref).add(i)), false),
                raw_kind::BYTES => (Value::Int(*(p as *const i8).add(i) as i32), false),
                raw_kind::CHARS => (Value::Int(*(p as *const u16).add(i) as i32), false),
                raw_kind::DOUBLES => (Value::Double(*(p as *const f64).add(i)), true),
                raw_kind::LONGS => (Value::Long(*(p as *const i64).add(i)), true),
                raw_kind::FLOATS => (Value::Float(*(p as *const f32).add(i)), false),
                _ => (Value::Int(*(p as *const i16).add(i) as i32), false),
            })
        }
    }

    /// Stores `v` (converted to the element type) as element `i` of array `r`.
    #[inline(always)]
    pub fn store_element(&mut self, r: Ref, i: usize, v: Value) -> Result<(), Miss> {
        let e = self.array_entry(r, i)?;
        if self.tracking {
            self.mark_element(r, e, i);
        }
        // SAFETY: as in `load_element`; `&mut self` makes this the only access.
        unsafe {
            let p = e.ptr;
            match e.kind {
                raw_kind::INTS => *(p as *mut i32).add(i) = v.int(),
                raw_kind::REFS => *(p as *mut Ref).add(i) = v.reference(),
                raw_kind::BYTES => *(p as *mut i8).add(i) = v.int() as i8,
                raw_kind::CHARS => *(p as *mut u16).add(i) = v.int() as u16,
                raw_kind::DOUBLES => *(p as *mut f64).add(i) = v.double(),
                raw_kind::LONGS => *(p as *mut i64).add(i) = v.long(),
                raw_kind::FLOATS => *(p as *mut f32).add(i) = v.float(),
                _ => *(p as *mut i16).add(i) = v.int() as i16,
            }
        }
        Ok(())
    }

    /// Field `slot` of instance `r`.
    #[inline(always)]
    pub fn load_field(&self, r: Ref, slot: usize) -> Result<Value, Miss> {
        let e = self.entry(r).ok_or(Miss::Null)?;
        if e.kind != raw_kind::FIELDS || slot >= e.len as usize {
            return Err(Miss::Field);
        }
        // SAFETY: a live instance's storage holds `len` initialized values; `slot` is below.
        Ok(unsafe { *(e.ptr as *const Value).add(slot) })
    }

    /// Sets field `slot` of instance `r`.
    #[inline(always)]
    pub fn store_field(&mut self, r: Ref, slot: usize, v: Value) -> Result<(), Miss> {
        let e = self.entry(r).ok_or(Miss::Null)?;
        if e.kind != raw_kind::FIELDS || slot >= e.len as usize {
            return Err(Miss::Field);
        }
        self.mark(r);
        // SAFETY: as in `load_field`; `&mut self` makes this the only access.
        unsafe { *(e.ptr as *mut Value).add(slot) = v };
        Ok(())
    }

    /// Sets the identity hash code of a live object (restoring a checkpoint).
    pub fn set_hash(&mut self, r: Ref, hash: i32) {
        if self.entry(r).is_some() {
            self.raw[r as usize].hash = hash;
            self.mark(r);
        }
    }

    /// The identity hash code of an object, assigned on first request from a deterministic
    /// sequence, and kept in the object so it survives checkpoints.
    pub fn identity_hash(&mut self, r: Ref) -> i32 {
        let Some(e) = self.entry(r) else {
            return 0;
        };
        if e.hash != 0 {
            return e.hash;
        }
        let h = self.next_hash();
        self.raw[r as usize].hash = h;
        self.mark(r);
        h
    }

    fn next_hash(&mut self) -> i32 {
        // xorshift64*, truncated to 31 bits as HotSpot's hashes are (positive, never 0).
        let mut x = self.hash_state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.hash_state = x;
        let h = (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as i32 & 0x7fff_ffff;
        if h == 0 { 1 } else { h }
    }

    /// One past the highest handle in use.
    pub fn handle_limit(&self) -> usize {
        self.fast.used as usize
    }

    /// Bytes of live data as of the last collection plus what was allocated since.
    pub fn live_bytes(&self) -> usize {
        self.fast.live as usize
    }

    /// Frees every object not reachable from `roots`, then paces the next collection.
    pub fn collect(&mut self, roots: impl IntoIterator<Item = Ref>) {
        let used = self.fast.used as usize;
        let mut marked = vec![0u64; used.div_ceil(64)];
        let mut pending: Vec<Ref> = Vec::new();
        let mark = |r: Ref, marked: &mut [u64], pending: &mut Vec<Ref>| {
            let (w, b) = ((r / 64) as usize, r % 64);
            if r != NULL && w < marked.len() && marked[w] & (1 << b) == 0 {
                marked[w] |= 1 << b;
                pending.push(r);
            }
        };
        for r in roots {
            mark(r, &mut marked, &mut pending);
        }
        while let Some(r) = pending.pop() {
            let Some(obj) = self.get(r) else {
                continue;
            };
            match obj.data {
                DataRef::Fields(fields) => {
                    for v in fields {
                        if let Value::Ref(c) = *v {
                            mark(c, &mut marked, &mut pending);
                        }
                    }
                }
                DataRef::Refs(items) => {
                    for &c in items {
                        mark(c, &mut marked, &mut pending);
                    }
                }
                _ => {}
            }
        }
        let mut live = 0;
        for i in 1..used {
            let e = self.raw[i];
            if e.kind == raw_kind::FREE {
                continue;
            }
            if marked[i / 64] & (1 << (i % 64)) != 0 {
                live += footprint(e.kind, e.len as usize);
            } else {
                self.free_storage(e);
                self.raw[i] = RawObj::default();
                self.renew(i as Ref);
                self.free[self.fast.free_len as usize] = i as Ref;
                self.fast.free_len += 1;
            }
        }
        // Trim free handles at the top so the handle table shrinks after a burst of garbage.
        let mut top = used;
        while top > 1 && self.raw[top - 1].kind == raw_kind::FREE {
            top -= 1;
        }
        self.fast.used = top as u64;
        let free = &mut self.free[..self.fast.free_len as usize];
        let mut kept = 0;
        for i in 0..free.len() {
            if (free[i] as usize) < top {
                free[kept] = free[i];
                kept += 1;
            }
        }
        // Reuse low handles first, deterministically.
        free[..kept].sort_unstable_by(|a, b| b.cmp(a));
        self.fast.free_len = kept as u64;
        self.fast.live = live as u64;
        self.fast.since = 0;
        self.fast.next_gc = MIN_GC_INTERVAL.max(live) as u64;
        self.collections += 1;
    }

    /// The state of the identity-hash sequence (saved in checkpoints).
    pub fn hash_state(&self) -> u64 {
        self.hash_state
    }

    /// Continues the identity-hash sequence from a saved state.
    pub fn set_hash_state(&mut self, state: u64) {
        self.hash_state = state;
    }

    /// Whether `r` names a live object (used when validating handles).
    pub fn is_live(&self, r: Ref) -> bool {
        self.entry(r).is_some()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for i in 1..self.fast.used as usize {
            let e = self.raw[i];
            let bytes = e.len as usize * raw_kind::width(e.kind);
            if e.kind != raw_kind::FREE && size_class(bytes).is_none() {
                // SAFETY: large storage of a live object, allocated with this layout, its
                // elements `card_room` bytes after the start.
                unsafe {
                    std::alloc::dealloc((e.ptr - card_room(bytes)) as *mut u8, large_layout(bytes))
                };
            }
        }
        for &c in &self.chunks {
            // SAFETY: every chunk was allocated with this layout and is freed once, here.
            unsafe { std::alloc::dealloc(c as *mut u8, chunk_layout()) };
        }
    }
}

/// Bytes before the elements of large storage of `bytes` bytes: its cards (one per
/// [`CARD_BYTES`]), rounded up so the elements stay aligned.
fn card_room(bytes: usize) -> usize {
    bytes.div_ceil(CARD_BYTES).next_multiple_of(BLOCK_STEP)
}

/// The layout of storage allocated on its own: its cards, then its elements.
fn large_layout(bytes: usize) -> Layout {
    Layout::from_size_align(card_room(bytes) + bytes, BLOCK_STEP)
        .expect("object storage fits the address space")
}

/// Where the cards of large storage are: `len` bytes ending at `end` (the first element),
/// card `i` at `end - 1 - i`.
#[derive(Debug, Clone, Copy)]
struct CardArea {
    end: *mut u8,
    len: usize,
}

/// The card area of a live entry whose storage is large (allocated on its own); `None` for
/// small storage.
#[inline(always)]
fn cards_of(e: RawObj) -> Option<CardArea> {
    let bytes = e.len as usize * raw_kind::width(e.kind);
    size_class(bytes).is_none().then(|| CardArea {
        end: e.ptr as *mut u8,
        len: bytes.div_ceil(CARD_BYTES),
    })
}

/// The cards of a large array ([`Heap::cards`]), borrowed from the heap.
#[derive(Debug, Clone, Copy)]
pub struct Cards<'a>(&'a [u8]);

impl Cards<'_> {
    /// Number of cards: one per [`CARD_BYTES`] of elements, the last possibly partial.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no cards (never, for large storage).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether card `i` (elements' bytes `i * CARD_BYTES ..`) was written since cleared.
    pub fn is_marked(&self, i: usize) -> bool {
        i < self.0.len() && self.0[self.0.len() - 1 - i] != 0
    }

    /// The marked cards, in ascending order.
    pub fn marked(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.0.len()).filter(|&i| self.is_marked(i))
    }
}

/// Copies `data` into storage at `to`.
///
/// # Safety
/// `to` must be storage of at least `data.len()` elements of `data`'s kind, aligned for them,
/// not overlapping `data` (fresh storage of an object being made).
unsafe fn copy_into(to: usize, data: DataRef<'_>) {
    fn put<T: Copy>(to: usize, from: &[T]) {
        // SAFETY: guaranteed by `copy_into`'s caller.
        unsafe { std::ptr::copy_nonoverlapping(from.as_ptr(), to as *mut T, from.len()) }
    }
    match data {
        DataRef::Fields(a) => put(to, a),
        DataRef::Bytes(a) => put(to, a),
        DataRef::Chars(a) => put(to, a),
        DataRef::Shorts(a) => put(to, a),
        DataRef::Ints(a) => put(to, a),
        DataRef::Longs(a) => put(to, a),
        DataRef::Floats(a) => put(to, a),
        DataRef::Doubles(a) => put(to, a),
        DataRef::Refs(a) => put(to, a),
    }
}

/// The layout of a chunk.
fn chunk_layout() -> Layout {
    Layout::from_size_align(CHUNK, BLOCK_STEP).expect("a chunk is a valid layout")
}

/// A borrowed view of a live entry's storage.
///
/// # Safety
/// `e` must be the entry of a live object, and the view must not outlive the object nor
/// overlap a mutable view of it.
unsafe fn view<'a>(e: RawObj) -> DataRef<'a> {
    fn at<'a, T>(e: RawObj) -> &'a [T] {
        // SAFETY: guaranteed by `view`'s caller.
        unsafe { std::slice::from_raw_parts(e.ptr as *const T, e.len as usize) }
    }
    match e.kind {
        raw_kind::FIELDS => DataRef::Fields(at(e)),
        raw_kind::BYTES => DataRef::Bytes(at(e)),
        raw_kind::CHARS => DataRef::Chars(at(e)),
        raw_kind::SHORTS => DataRef::Shorts(at(e)),
        raw_kind::INTS => DataRef::Ints(at(e)),
        raw_kind::LONGS => DataRef::Longs(at(e)),
        raw_kind::FLOATS => DataRef::Floats(at(e)),
        raw_kind::DOUBLES => DataRef::Doubles(at(e)),
        _ => DataRef::Refs(at(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_unreachable_objects_and_keeps_cycles_that_are_reachable() {
        let mut heap = Heap::new(1 << 30);
        let a = heap.alloc(1, Data::Refs(vec![NULL].into())).expect("room");
        let b = heap.alloc(1, Data::Refs(vec![a].into())).expect("room");
        if let Some(ObjMut {
            data: DataMut::Refs(items),
            ..
        }) = heap.get_mut(a)
        {
            items[0] = b;
        }
        let garbage = heap
            .alloc(1, Data::Ints(vec![1, 2, 3].into()))
            .expect("room");
        heap.collect([a]);
        assert!(heap.is_live(a) && heap.is_live(b));
        assert!(!heap.is_live(garbage));
        heap.collect([]);
        assert!(!heap.is_live(a) && !heap.is_live(b));
    }

    #[test]
    fn identity_hashes_are_stable_and_deterministic() {
        let mut h1 = Heap::new(1 << 20);
        let mut h2 = Heap::new(1 << 20);
        let a1 = h1.alloc(1, Data::Ints(Box::new([]))).expect("room");
        let a2 = h2.alloc(1, Data::Ints(Box::new([]))).expect("room");
        let first = h1.identity_hash(a1);
        assert_eq!(first, h1.identity_hash(a1));
        assert_eq!(first, h2.identity_hash(a2));
        assert!(first > 0);
    }

    #[test]
    fn storage_is_reused_zeroed_and_handles_lowest_first() {
        let mut heap = Heap::new(1 << 30);
        // Every size class and both sides of the large-storage boundary, many times over, so
        // blocks come back from the free lists holding their old contents and link words.
        let lens = [0usize, 1, 3, 4, 31, 32, 33, 128, 129, 1000, 100_000];
        for round in 0..4 {
            let mut held = Vec::new();
            for (i, &n) in lens.iter().cycle().take(2000).enumerate() {
                let r = if i % 2 == 0 {
                    heap.alloc_array(7, raw_kind::LONGS, n / 8).expect("room")
                } else {
                    heap.alloc_array(8, raw_kind::BYTES, n).expect("room")
                };
                match heap.get(r).expect("live").data {
                    DataRef::Longs(a) => assert!(a.iter().all(|&x| x == 0), "round {round}"),
                    DataRef::Bytes(a) => assert!(a.iter().all(|&x| x == 0), "round {round}"),
                    other => panic!("{other:?}"),
                }
                match heap.get_mut(r).expect("live").data {
                    DataMut::Longs(a) => a.fill(-1),
                    DataMut::Bytes(a) => a.fill(-1),
                    _ => unreachable!(),
                }
                if i % 3 == 0 {
                    held.push(r);
                }
            }
            heap.collect(held.iter().copied());
            for &r in &held {
                assert!(heap.is_live(r));
            }
            let next = heap.alloc_fields(9, &[Value::Int(5), Value::Ref(NULL)]);
            let lowest =
                (1..heap.handle_limit() as Ref).find(|&h| !heap.is_live(h) || Some(h) == next.ok());
            assert_eq!(next.ok(), lowest, "the lowest free handle is reused first");
        }
    }

    #[test]
    fn the_limit_is_kept() {
        let mut heap = Heap::new(1 << 20);
        assert!(heap.alloc_array(1, raw_kind::INTS, 1 << 20).is_err());
        let r = heap.alloc_array(1, raw_kind::INTS, 1000).expect("room");
        assert_eq!(heap.get(r).and_then(|o| o.data.array_len()), Some(1000));
    }
}
