//! The heap's side of copying it elsewhere by rounds (pre-copy, `crate::checkpoint::precopy`
//! and `crate::checkpoint::stage`):
//! - **reading the record**: the scanner on the source finds the next marked handle
//!   ([`Heap::next_marked`]), takes a handle's marks ([`Heap::take_marks`]), and walks and
//!   clears the cards of large arrays ([`Heap::next_marked_card`], [`Heap::clear_cards_in`],
//!   [`Heap::mark_all_cards`]);
//! - **placing objects at given handles**: the target builds a heap with the source's own
//!   handles ([`Heap::place`], [`Heap::place_array`], [`Heap::vacate`],
//!   [`Heap::write_elements`]), then makes it an ordinary heap again ([`Heap::settle`]): its
//!   table top and free handles exactly as the source's were, so the process allocates the
//!   same handles next.
//!
//! Only one consumer reads and clears the record at a time; [`Heap::begin_epoch`] tells a
//! consumer that another one started since.

use super::{CardArea, DataRef, Heap, OutOfMemory, RawObj, cards_of, footprint, raw_kind};
use crate::value::{NULL, Ref};

impl Heap {
    /// Starts a new consumer of the dirty record and returns its epoch: the record is on, no
    /// mark from before is trusted by the new consumer, and an older consumer sees
    /// [`Heap::epoch`] change.
    pub fn begin_epoch(&mut self) -> u64 {
        self.epoch += 1;
        self.set_tracking(true);
        self.epoch
    }

    /// The epoch of the current consumer of the dirty record.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The first handle at or after `from` and before `end` whose dirty byte is set.
    pub fn next_marked(&self, from: Ref, end: usize) -> Option<Ref> {
        let end = end.min(self.dirty.len());
        let mut i = from as usize;
        while i < end {
            // Eight bytes at a time over clean stretches.
            if i.is_multiple_of(8) && i + 8 <= end {
                let word = u64::from_ne_bytes(self.dirty[i..i + 8].try_into().expect("8 bytes"));
                if word == 0 {
                    i += 8;
                    continue;
                }
            }
            if self.dirty[i] != 0 {
                return Some(i as Ref);
            }
            i += 1;
        }
        None
    }

    /// Clears the dirty byte and the fresh bit of handle `r` (not its cards) and returns
    /// them: `(dirty, fresh)`.
    pub fn take_marks(&mut self, r: Ref) -> (bool, bool) {
        let Some(d) = self.dirty.get_mut(r as usize) else {
            return (false, false);
        };
        let dirty = std::mem::take(d) != 0;
        let (w, b) = (r as usize / 64, r % 64);
        let fresh = self.fresh[w] & (1 << b) != 0;
        self.fresh[w] &= !(1 << b);
        (dirty, fresh)
    }

    /// The card area of array `r` if its storage is large.
    fn card_area(&self, r: Ref) -> Option<CardArea> {
        let e = self.entry(r)?;
        if e.kind == raw_kind::FIELDS {
            return None;
        }
        cards_of(e)
    }

    /// Marks every card of large array `r` (a consumer that must send all of it, and may
    /// be interrupted, then sends it card by card like any other change).
    pub fn mark_all_cards(&mut self, r: Ref) {
        if let Some(c) = self.card_area(r) {
            // SAFETY: the card area of live large storage, `len` bytes before `end`.
            unsafe { std::ptr::write_bytes(c.end.sub(c.len), 1, c.len) };
        }
    }

    /// The first marked card of large array `r` at or after card `from`.
    pub fn next_marked_card(&self, r: Ref, from: usize) -> Option<usize> {
        let c = self.card_area(r)?;
        let mut i = from;
        while i < c.len {
            // Eight cards at a time over clean stretches: cards `i..i + 8` are the bytes
            // `end - 8 - i .. end - i`.
            if i + 8 <= c.len {
                // SAFETY: those eight bytes lie in the card area of live large storage.
                let word = unsafe { std::ptr::read_unaligned(c.end.sub(8 + i) as *const u64) };
                if word == 0 {
                    i += 8;
                    continue;
                }
            }
            // SAFETY: card `i < len` of live large storage, at `end - 1 - i`.
            if unsafe { *c.end.sub(1 + i) } != 0 {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// Clears cards `cards` of large array `r`.
    pub fn clear_cards_in(&mut self, r: Ref, cards: std::ops::Range<usize>) {
        if let Some(c) = self.card_area(r) {
            let (a, b) = (cards.start.min(c.len), cards.end.min(c.len));
            if a < b {
                // SAFETY: cards `a..b` of live large storage lie at `end - b .. end - a`.
                unsafe { std::ptr::write_bytes(c.end.sub(b), 0, b - a) };
            }
        }
    }

    /// Whether `r` is an array whose storage is large (has cards).
    pub fn is_large_array(&self, r: Ref) -> bool {
        self.card_area(r).is_some()
    }

    /// Makes sure the table has an entry for handle `r`.
    fn room_for(&mut self, r: Ref) {
        let need = r as usize + 1;
        if need <= self.raw.len() {
            return;
        }
        let room = need.next_power_of_two();
        self.raw.resize(room, RawObj::default());
        self.free.resize(room, NULL);
        self.dirty.resize(room, 0);
        self.fresh.resize(room.div_ceil(64), 0);
        self.placed.resize(room.div_ceil(64), 0);
        self.fast.free = self.free.as_mut_ptr();
        self.fast.room = room as u64;
    }

    /// Removes the occupant of handle `r`, if any, and returns whether there was one.
    pub fn vacate(&mut self, r: Ref) -> bool {
        let Some(e) = self.entry(r) else {
            return false;
        };
        self.fast.live -= footprint(e.kind, e.len as usize) as u64;
        self.free_storage(e);
        self.raw[r as usize] = RawObj::default();
        self.renew(r);
        if let Some(w) = self.placed.get_mut(r as usize / 64) {
            *w &= !(1 << (r % 64));
        }
        true
    }

    /// Storage for an object of `kind` and `len` at handle `r` (not null), replacing any
    /// occupant; zeroed. Fails when the live data would exceed twice the heap's limit:
    /// placing may hold objects the source has freed since, until their handles are sent as
    /// freed, so the limit itself is checked when placing ends.
    fn place_raw(
        &mut self,
        r: Ref,
        class: u32,
        kind: u32,
        len: usize,
    ) -> Result<usize, OutOfMemory> {
        debug_assert!(r != NULL);
        let len32 = u32::try_from(len).map_err(|_| OutOfMemory)?;
        self.vacate(r);
        let size = footprint(kind, len) as u64;
        if self.fast.live + size > self.fast.max.saturating_mul(2) {
            return Err(OutOfMemory);
        }
        self.room_for(r);
        let ptr = self.storage(len * raw_kind::width(kind));
        self.fast.live += size;
        self.raw[r as usize] = RawObj {
            ptr,
            len: len32,
            kind,
            class,
            hash: 0,
        };
        self.fast.used = self.fast.used.max(r as u64 + 1);
        self.renew(r);
        let words = self.raw.len().div_ceil(64);
        if self.placed.len() < words {
            self.placed.resize(words, 0);
        }
        self.placed[r as usize / 64] |= 1 << (r % 64);
        Ok(ptr)
    }

    /// Puts a copy of `data` at handle `r`, replacing any occupant, with identity hash `hash`.
    pub fn place(
        &mut self,
        r: Ref,
        class: u32,
        hash: i32,
        data: DataRef<'_>,
    ) -> Result<(), OutOfMemory> {
        let to = self.place_raw(r, class, data.kind(), data.len())?;
        // SAFETY: `to` is fresh storage for `data`'s kind and length; `data` is not part of
        // the heap's storage.
        unsafe { super::copy_into(to, data) };
        self.raw[r as usize].hash = hash;
        Ok(())
    }

    /// Puts a zeroed array of `len` elements of `kind` at handle `r`, replacing any occupant,
    /// with identity hash `hash`.
    pub fn place_array(
        &mut self,
        r: Ref,
        class: u32,
        kind: u32,
        len: usize,
        hash: i32,
    ) -> Result<(), OutOfMemory> {
        debug_assert!(kind > raw_kind::FIELDS && kind <= raw_kind::REFS);
        self.place_raw(r, class, kind, len)?;
        self.raw[r as usize].hash = hash;
        Ok(())
    }

    /// Writes elements `start..` of array `r` from their little-endian encoding (see
    /// `crate::portable`). The error says why nothing was written: no array there, a ragged
    /// length, or a range past the end.
    pub fn write_elements(&mut self, r: Ref, start: usize, bytes: &[u8]) -> Result<(), String> {
        fn put<T: crate::portable::Portable>(e: RawObj, start: usize, bytes: &[u8]) {
            // SAFETY: the caller checked that `start + bytes.len() / SIZE` elements fit the
            // live array's storage, which holds elements of T.
            let to = unsafe {
                std::slice::from_raw_parts_mut((e.ptr as *mut T).add(start), bytes.len() / T::SIZE)
            };
            for (slot, b) in to.iter_mut().zip(bytes.chunks_exact(T::SIZE)) {
                *slot = T::take(b);
            }
        }
        let e = self
            .entry(r)
            .filter(|e| e.kind != raw_kind::FIELDS)
            .ok_or_else(|| format!("handle {r} holds no array"))?;
        let w = raw_kind::width(e.kind);
        if !bytes.len().is_multiple_of(w) {
            return Err(format!(
                "{} bytes are not whole elements of {w} bytes",
                bytes.len()
            ));
        }
        let n = bytes.len() / w;
        if start.checked_add(n).is_none_or(|end| end > e.len as usize) {
            return Err(format!(
                "elements {start}..{} of an array of {}",
                start.saturating_add(n),
                e.len
            ));
        }
        self.mark_elements(r, start..start + n);
        match e.kind {
            raw_kind::BYTES => put::<i8>(e, start, bytes),
            raw_kind::CHARS => put::<u16>(e, start, bytes),
            raw_kind::SHORTS => put::<i16>(e, start, bytes),
            raw_kind::INTS => put::<i32>(e, start, bytes),
            raw_kind::LONGS => put::<i64>(e, start, bytes),
            raw_kind::FLOATS => put::<f32>(e, start, bytes),
            raw_kind::DOUBLES => put::<f64>(e, start, bytes),
            _ => put::<u32>(e, start, bytes),
        }
        Ok(())
    }

    /// Ends placing: the table top becomes `limit`, and the free handles are every empty
    /// handle below it, lowest on top, which is how the source's collector and allocator
    /// leave them. Fails with a handle at or above `limit` that still holds an object. Reads
    /// one bit per handle (a record of the handles placed), not the table.
    pub fn settle(&mut self, limit: usize) -> Result<(), Ref> {
        let limit = limit.max(1);
        let used = self.fast.used as usize;
        // Words from the one holding `limit` up: any bit at or above `limit` is an object.
        for w in limit / 64..used.div_ceil(64).min(self.placed.len()) {
            let mut word = self.placed[w];
            if w == limit / 64 {
                word &= !0u64 << (limit % 64);
            }
            if word != 0 {
                return Err((w * 64 + word.trailing_zeros() as usize) as Ref);
            }
        }
        let placed = std::mem::take(&mut self.placed);
        let bit = |r: usize| placed.get(r / 64).is_some_and(|w| w & (1 << (r % 64)) != 0);
        self.room_for(limit as Ref);
        let mut n = 0;
        let mut r = limit;
        while r > 1 {
            r -= 1;
            // Whole words of placed handles at once.
            if r % 64 == 63 && placed.get(r / 64) == Some(&!0) {
                r -= 63;
                continue;
            }
            if !bit(r) {
                self.free[n] = r as Ref;
                n += 1;
            }
        }
        self.fast.free_len = n as u64;
        self.fast.used = limit as u64;
        // Paced as after a collection of this heap.
        self.fast.since = 0;
        self.fast.next_gc = super::MIN_GC_INTERVAL.max(self.fast.live as usize) as u64;
        debug_assert_eq!(self.count_live(), self.count_live_slowly());
        Ok(())
    }

    /// The first reference held by an object that names no object: `(holder, reference)`.
    /// Reads every field and reference element of the heap.
    pub fn dangling(&self) -> Option<(Ref, Ref)> {
        for h in 1..self.fast.used as Ref {
            let Some(obj) = self.get(h) else {
                continue;
            };
            let bad = match obj.data {
                DataRef::Fields(f) => f.iter().find_map(|v| match *v {
                    crate::value::Value::Ref(r) if r != NULL && !self.is_live(r) => Some(r),
                    _ => None,
                }),
                DataRef::Refs(a) => a.iter().copied().find(|&r| r != NULL && !self.is_live(r)),
                _ => None,
            };
            if let Some(r) = bad {
                return Some((h, r));
            }
        }
        None
    }

    /// Number of handles holding an object: the handles handed out, less the free ones (the
    /// free handles are exactly the empty handles below the table top, in a heap not being
    /// placed).
    pub fn count_live(&self) -> usize {
        debug_assert_eq!(
            (self.fast.used - 1 - self.fast.free_len) as usize,
            self.count_live_slowly()
        );
        (self.fast.used - 1 - self.fast.free_len) as usize
    }

    /// [`Heap::count_live`] by reading the table.
    fn count_live_slowly(&self) -> usize {
        (1..self.fast.used as usize)
            .filter(|&r| self.raw[r].kind != raw_kind::FREE)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::{CARD_BYTES, Data};

    #[test]
    fn the_scanner_finds_marks_and_takes_them() {
        let mut h = Heap::new(1 << 30);
        let a = h.alloc_fields(1, &[crate::value::Value::Int(1)]).unwrap();
        let big = h.alloc_array(2, raw_kind::INTS, 4 * CARD_BYTES).unwrap();
        let epoch = h.begin_epoch();
        assert_eq!(h.epoch(), epoch);
        h.clear_all_marks();
        assert_eq!(h.next_marked(1, h.handle_limit()), None);
        h.store_field(a, 0, crate::value::Value::Int(2)).unwrap();
        h.store_element(big, 600, crate::value::Value::Int(7))
            .unwrap();
        assert_eq!(h.next_marked(1, h.handle_limit()), Some(a));
        assert_eq!(h.next_marked(a + 1, h.handle_limit()), Some(big));
        assert_eq!(h.take_marks(a), (true, false));
        assert_eq!(h.take_marks(a), (false, false));
        // Element 600 of an int[] is byte 2400: card 4.
        assert_eq!(h.next_marked_card(big, 0), Some(4));
        h.clear_cards_in(big, 4..5);
        assert_eq!(h.next_marked_card(big, 0), None);
        h.mark_all_cards(big);
        assert_eq!(h.next_marked_card(big, 5), Some(5));
        assert!(h.is_large_array(big) && !h.is_large_array(a));
    }

    #[test]
    fn placing_keeps_the_sources_handles_and_free_list() {
        let mut h = Heap::new(1 << 30);
        h.place(5, 1, 77, DataRef::Ints(&[1, 2, 3])).unwrap();
        h.place_array(9, 2, raw_kind::LONGS, 100, 0).unwrap();
        h.write_elements(9, 98, &crate::portable::encode(&[4i64, -5]))
            .unwrap();
        assert!(
            h.write_elements(9, 99, &crate::portable::encode(&[1i64, 2]))
                .is_err()
        );
        assert!(h.write_elements(5, 0, &[1, 2, 3]).is_err());
        assert!(h.write_elements(6, 0, &[]).is_err());
        assert_eq!(h.get(5).unwrap().hash, 77);
        assert_eq!(
            h.get(9).unwrap().data.to_owned(),
            Data::Longs({
                let mut v = vec![0i64; 100];
                v[98] = 4;
                v[99] = -5;
                v.into()
            })
        );
        assert!(h.vacate(5));
        assert!(!h.vacate(5));
        assert_eq!(h.settle(9), Err(9));
        h.settle(10).unwrap();
        assert_eq!(h.count_live(), 1);
        // Free handles come back lowest first, as after a collection.
        for want in 1..9 {
            assert_eq!(h.alloc_fields(1, &[]).unwrap(), want);
        }
        assert_eq!(h.alloc_fields(1, &[]).unwrap(), 10);
    }

    #[test]
    fn placing_respects_the_heap_limit() {
        let mut h = Heap::new(1000);
        assert!(h.place_array(3, 2, raw_kind::BYTES, 10_000, 0).is_err());
        h.place_array(3, 2, raw_kind::BYTES, 100, 0).unwrap();
        // Replacing an occupant gives its room back first.
        h.place_array(3, 2, raw_kind::BYTES, 800, 0).unwrap();
        // Room for objects the source freed meanwhile, up to twice the limit.
        h.place_array(5, 2, raw_kind::BYTES, 800, 0).unwrap();
        assert!(h.place_array(6, 2, raw_kind::BYTES, 800, 0).is_err());
        assert!(h.vacate(5));
        h.settle(4).unwrap();
        assert_eq!(h.count_live(), 1);
    }
}
