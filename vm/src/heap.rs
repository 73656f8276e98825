//! The heap: objects and arrays addressed by handles, with identity hash codes stored in each
//! object, and a mark-and-sweep collector that traces from roots the VM supplies.
//!
//! Beside the objects, the heap keeps a table of raw views ([`RawObj`], one per handle) that
//! compiled code reads: where an object's fields or elements are and how many there are, so a
//! field or element access is a few loads at known offsets instead of a walk through [`Data`].
//!
//! The collector never runs inside an allocation: the interpreter asks [`Heap::wants_collection`]
//! at instruction boundaries, where every live reference is in a slot the VM can see.

use crate::value::{NULL, Ref, Value};

/// Index of a class in the VM's class table.
pub type ClassId = u32;

/// The contents of an object or array.
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
        Some(match self {
            Data::Fields(_) => return None,
            Data::Bytes(a) => a.len(),
            Data::Chars(a) => a.len(),
            Data::Shorts(a) => a.len(),
            Data::Ints(a) => a.len(),
            Data::Longs(a) => a.len(),
            Data::Floats(a) => a.len(),
            Data::Doubles(a) => a.len(),
            Data::Refs(a) => a.len(),
        })
    }

    /// Approximate bytes this object occupies, for collection pacing and memory limits.
    pub fn footprint(&self) -> usize {
        const HEADER: usize = 48;
        HEADER
            + match self {
                Data::Fields(f) => f.len() * size_of::<Value>(),
                Data::Bytes(a) => a.len(),
                Data::Chars(a) => a.len() * 2,
                Data::Shorts(a) => a.len() * 2,
                Data::Ints(a) => a.len() * 4,
                Data::Longs(a) => a.len() * 8,
                Data::Floats(a) => a.len() * 4,
                Data::Doubles(a) => a.len() * 8,
                Data::Refs(a) => a.len() * 4,
            }
    }
}

/// What compiled code sees of one handle: its storage, length and kind. `kind` is
/// [`raw_kind::FREE`] for null and freed handles, so a compiled access checks one word.
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
}

impl RawObj {
    /// The raw view of an object's storage. The storage is a boxed slice, which never moves
    /// while the object lives, so the view stays valid until the object is freed.
    fn of(class: ClassId, data: &mut Data) -> RawObj {
        fn at<T>(a: &mut [T]) -> (usize, usize) {
            (a.as_mut_ptr() as usize, a.len())
        }
        let (kind, (ptr, len)) = match data {
            Data::Fields(a) => (raw_kind::FIELDS, at(a)),
            Data::Bytes(a) => (raw_kind::BYTES, at(a)),
            Data::Chars(a) => (raw_kind::CHARS, at(a)),
            Data::Shorts(a) => (raw_kind::SHORTS, at(a)),
            Data::Ints(a) => (raw_kind::INTS, at(a)),
            Data::Longs(a) => (raw_kind::LONGS, at(a)),
            Data::Floats(a) => (raw_kind::FLOATS, at(a)),
            Data::Doubles(a) => (raw_kind::DOUBLES, at(a)),
            Data::Refs(a) => (raw_kind::REFS, at(a)),
        };
        RawObj {
            ptr,
            len: len as u32,
            kind,
            class,
        }
    }
}

/// An object or array.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// Its class (for arrays, the array class).
    pub class: ClassId,
    /// Identity hash code, 0 until first asked for.
    pub hash: i32,
    /// Fields or elements.
    pub data: Data,
}

/// The heap.
#[derive(Debug)]
pub struct Heap {
    slots: Vec<Option<Object>>,
    /// One raw view per entry of `slots`, kept in step with it.
    raw: Vec<RawObj>,
    free: Vec<Ref>,
    live_bytes: usize,
    allocated_since_gc: usize,
    next_gc: usize,
    max_bytes: usize,
    hash_state: u64,
    /// Number of collections so far.
    pub collections: u64,
}

/// Allocation would exceed the heap's limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfMemory;

const MIN_GC_INTERVAL: usize = 32 << 20;

impl Heap {
    /// An empty heap holding at most `max_bytes` (approximately) of live data.
    pub fn new(max_bytes: usize) -> Heap {
        Heap {
            // Handle 0 is null and never holds an object.
            slots: vec![None],
            raw: vec![RawObj::default()],
            free: Vec::new(),
            live_bytes: 0,
            allocated_since_gc: 0,
            next_gc: MIN_GC_INTERVAL,
            max_bytes,
            hash_state: 0x9E37_79B9_7F4A_7C15,
            collections: 0,
        }
    }

    /// Whether enough has been allocated since the last collection that one should run.
    #[inline]
    pub fn wants_collection(&self) -> bool {
        self.allocated_since_gc >= self.next_gc
    }

    /// Allocates an object. Fails only when the live data would exceed the heap limit even
    /// after the collection the caller was asked to run.
    pub fn alloc(&mut self, class: ClassId, data: Data) -> Result<Ref, OutOfMemory> {
        let size = data.footprint();
        if self.live_bytes + size > self.max_bytes {
            return Err(OutOfMemory);
        }
        self.live_bytes += size;
        self.allocated_since_gc += size;
        let mut data = data;
        let raw = RawObj::of(class, &mut data);
        let obj = Some(Object {
            class,
            hash: 0,
            data,
        });
        Ok(match self.free.pop() {
            Some(r) => {
                self.slots[r as usize] = obj;
                self.raw[r as usize] = raw;
                r
            }
            None => {
                self.slots.push(obj);
                self.raw.push(raw);
                (self.slots.len() - 1) as Ref
            }
        })
    }

    /// The raw views of all handles, for compiled code: `(table, number of entries)`. Valid
    /// until the next allocation or collection; entries of live objects stay valid until the
    /// object is freed (elements may be written through them meanwhile).
    pub fn raw_table(&mut self) -> (*mut RawObj, usize) {
        (self.raw.as_mut_ptr(), self.raw.len())
    }

    /// Whether the collector must run before an allocation of `size` bytes can succeed.
    pub fn would_exceed(&self, size: usize) -> bool {
        self.live_bytes + size > self.max_bytes
    }

    /// The object behind a non-null handle, or `None` for null or a freed handle.
    #[inline(always)]
    pub fn get(&self, r: Ref) -> Option<&Object> {
        self.slots.get(r as usize)?.as_ref()
    }

    /// The object behind a non-null handle, mutably. Callers change fields and elements, never
    /// the `data` itself: compiled code holds a raw view of its storage.
    #[inline(always)]
    pub fn get_mut(&mut self, r: Ref) -> Option<&mut Object> {
        self.slots.get_mut(r as usize)?.as_mut()
    }

    /// The identity hash code of an object, assigned on first request from a deterministic
    /// sequence, and kept in the object so it survives checkpoints.
    pub fn identity_hash(&mut self, r: Ref) -> i32 {
        let next = self.next_hash();
        match self.get_mut(r) {
            Some(obj) if obj.hash != 0 => obj.hash,
            Some(obj) => {
                obj.hash = next;
                next
            }
            None => 0,
        }
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

    /// Number of live-or-unswept objects and the highest handle in use.
    pub fn handle_limit(&self) -> usize {
        self.slots.len()
    }

    /// Bytes of live data as of the last collection plus what was allocated since.
    pub fn live_bytes(&self) -> usize {
        self.live_bytes
    }

    /// Frees every object not reachable from `roots`, then paces the next collection.
    pub fn collect(&mut self, roots: impl IntoIterator<Item = Ref>) {
        let mut marked = vec![0u64; self.slots.len().div_ceil(64)];
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
            let Some(obj) = self.slots[r as usize].as_ref() else {
                continue;
            };
            match &obj.data {
                Data::Fields(fields) => {
                    for v in fields.iter() {
                        if let Value::Ref(c) = *v {
                            mark(c, &mut marked, &mut pending);
                        }
                    }
                }
                Data::Refs(items) => {
                    for &c in items.iter() {
                        mark(c, &mut marked, &mut pending);
                    }
                }
                _ => {}
            }
        }
        let mut live = 0;
        for (i, slot) in self.slots.iter_mut().enumerate().skip(1) {
            let is_marked = marked[i / 64] & (1 << (i % 64)) != 0;
            match slot {
                Some(obj) if is_marked => live += obj.data.footprint(),
                Some(_) => {
                    *slot = None;
                    self.raw[i] = RawObj::default();
                    self.free.push(i as Ref);
                }
                None => {}
            }
        }
        // Trim free handles at the top so the handle table shrinks after a burst of garbage.
        while self.slots.len() > 1 && self.slots.last().is_some_and(Option::is_none) {
            self.slots.pop();
        }
        self.raw.truncate(self.slots.len());
        let top = self.slots.len() as Ref;
        self.free.retain(|&r| r < top);
        // Reuse low handles first, deterministically.
        self.free.sort_unstable_by(|a, b| b.cmp(a));
        self.live_bytes = live;
        self.allocated_since_gc = 0;
        self.next_gc = MIN_GC_INTERVAL.max(live);
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
        self.get(r).is_some()
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
        if let Some(Object {
            data: Data::Refs(items),
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
}
