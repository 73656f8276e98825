//! A check of the dirty record (see the heap's module documentation), for tests: a
//! [`Snapshot`] clears every mark and copies every object; later, [`Snapshot::unmarked`]
//! names each change since then that the marks do not show. A consumer of the marks (pre-copy,
//! incremental checkpoints) relies on exactly that: whatever changed is marked.
//!
//! What must be marked, per handle:
//! - a new or lost occupant (allocated, freed, or freed and allocated again): dirty, and fresh
//!   when either occupant has large storage (a small object is always resent whole);
//! - a changed identity hash, or any changed field or element of small storage: dirty;
//! - for large storage, every [`CARD_BYTES`] of elements that changed: its card (the
//!   handle's own mark is optional there: compiled code marks only the card).

use super::{CARD_BYTES, Heap, RawObj, cards_of, raw_kind};
use crate::value::{Ref, Value};

/// A copy of one object: its table entry and its contents in a comparable form.
struct Copy {
    entry: RawObj,
    /// Arrays: the elements' bytes. Instances: per field, the tag and the payload's bits.
    contents: Box<[u8]>,
}

/// Every object of a heap as it was, with every mark cleared at that moment.
pub struct Snapshot {
    objects: Vec<Option<Copy>>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("handles", &self.objects.len())
            .finish_non_exhaustive()
    }
}

impl Snapshot {
    /// Turns the dirty record on, clears every mark of `heap` and copies every object.
    pub fn take(heap: &mut Heap) -> Snapshot {
        heap.set_tracking(true);
        heap.clear_all_marks();
        let objects = (0..heap.handle_limit() as Ref)
            .map(|r| copy(heap, r))
            .collect();
        Snapshot { objects }
    }

    /// The changes since the snapshot that the dirty record misses, at most `max` of them,
    /// each described in a line.
    pub fn unmarked(&self, heap: &Heap, max: usize) -> Vec<String> {
        let mut missed = Vec::new();
        let limit = self.objects.len().max(heap.handle_limit());
        for r in 1..limit as Ref {
            if missed.len() >= max {
                break;
            }
            let before = self.objects.get(r as usize).and_then(Option::as_ref);
            let (dirty, fresh) = (heap.is_dirty(r), heap.is_fresh(r));
            if before.is_none() && dirty {
                // A new occupant, marked: whether it also needs `fresh` is all that is left.
                if !fresh && heap.cards(r).is_some() {
                    missed.push(format!("handle {r}: new large occupant, not marked fresh"));
                }
                continue;
            }
            let now = copy(heap, r);
            match (before, &now) {
                (None, None) => {}
                (Some(b), Some(n)) if same_occupant(&b.entry, &n.entry) => {
                    let cards = heap.cards(r);
                    // Large storage may show an element write by its card alone.
                    let written = b.entry.hash != n.entry.hash
                        || (cards.is_none() && b.contents != n.contents);
                    if written && !dirty {
                        missed.push(format!("handle {r}: written, not marked dirty"));
                        continue;
                    }
                    let Some(cards) = cards else {
                        continue;
                    };
                    for (i, (old, new)) in b
                        .contents
                        .chunks(CARD_BYTES)
                        .zip(n.contents.chunks(CARD_BYTES))
                        .enumerate()
                    {
                        if old != new && !cards.is_marked(i) {
                            missed.push(format!(
                                "handle {r}: bytes {}..{} written, card {i} not marked",
                                i * CARD_BYTES,
                                i * CARD_BYTES + new.len()
                            ));
                            break;
                        }
                    }
                }
                (b, n) => {
                    let large = |c: Option<&Copy>| c.is_some_and(|c| cards_of(c.entry).is_some());
                    if !dirty || (!fresh && (large(b) || large(n.as_ref()))) {
                        missed.push(format!(
                            "handle {r}: occupant changed ({} to {}), dirty {dirty}, fresh {fresh}",
                            describe(b),
                            describe(n.as_ref())
                        ));
                    }
                }
            }
        }
        missed
    }
}

/// Whether two entries of one handle describe the same object (Java objects never change
/// class or length, and the heap never moves storage).
fn same_occupant(a: &RawObj, b: &RawObj) -> bool {
    (a.ptr, a.len, a.kind, a.class) == (b.ptr, b.len, b.kind, b.class)
}

fn describe(c: Option<&Copy>) -> String {
    match c {
        None => "none".to_string(),
        Some(c) => format!(
            "class {} kind {} length {}",
            c.entry.class, c.entry.kind, c.entry.len
        ),
    }
}

/// A copy of the object behind `r`, or `None` for a free handle.
fn copy(heap: &Heap, r: Ref) -> Option<Copy> {
    let entry = heap.entry(r)?;
    let contents = if entry.kind == raw_kind::FIELDS {
        let fields = match heap.get(r)?.data {
            super::DataRef::Fields(f) => f,
            _ => return None,
        };
        fields.iter().flat_map(|v| field_bytes(*v)).collect()
    } else {
        let bytes = entry.len as usize * raw_kind::width(entry.kind);
        // SAFETY: a live array's storage holds `len` initialized elements of its kind (the
        // heap zeroes new storage), `bytes` bytes; the borrow of the heap keeps it alive.
        unsafe { std::slice::from_raw_parts(entry.ptr as *const u8, bytes) }.into()
    };
    Some(Copy { entry, contents })
}

/// A field's tag and payload bits, comparable byte for byte (a NaN equals itself).
fn field_bytes(v: Value) -> [u8; 9] {
    let (tag, bits) = match v {
        Value::Top => (0, 0),
        Value::Int(i) => (1, i as u32 as u64),
        Value::Float(f) => (2, f.to_bits() as u64),
        Value::Long(l) => (3, l as u64),
        Value::Double(d) => (4, d.to_bits()),
        Value::Ref(r) => (5, r as u64),
    };
    let mut out = [0; 9];
    out[0] = tag;
    out[1..].copy_from_slice(&bits.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::DataMut;

    #[test]
    fn every_heap_write_is_marked_and_an_unmarked_write_is_caught() {
        let mut heap = Heap::new(1 << 30);
        let obj = heap
            .alloc_fields(3, &[Value::Int(1), Value::Ref(0)])
            .expect("room");
        let small = heap.alloc_array(4, raw_kind::INTS, 10).expect("room");
        let big = heap.alloc_array(5, raw_kind::LONGS, 1000).expect("room");
        let garbage = heap.alloc_array(5, raw_kind::LONGS, 1000).expect("room");
        assert!(
            !heap.tracking() && !heap.is_dirty(obj),
            "nothing is marked until asked"
        );
        let snap = Snapshot::take(&mut heap);
        assert!(snap.unmarked(&heap, 10).is_empty());
        assert!(!heap.is_dirty(obj) && !heap.is_fresh(big));

        heap.store_field(obj, 1, Value::Ref(small))
            .expect("a field");
        heap.store_element(small, 3, Value::Int(7))
            .expect("an element");
        heap.store_element(big, 200, Value::Long(-1))
            .expect("an element");
        heap.identity_hash(garbage);
        assert!(snap.unmarked(&heap, 10).is_empty());
        // Element 200 of a long[] is byte 1600: card 3, and only that one.
        let cards = heap.cards(big).expect("large storage has cards");
        assert_eq!(cards.len(), 16);
        assert_eq!(
            cards.marked().collect::<Vec<_>>(),
            vec![3],
            "exactly the written card"
        );
        assert!(heap.cards(small).is_none());

        // Freed, and its handle reused by an array of another length: dirty and fresh.
        heap.collect([obj, big]);
        let again = heap.alloc_array(5, raw_kind::LONGS, 2000).expect("room");
        assert_eq!(again, garbage, "the freed handle is reused");
        assert!(heap.is_fresh(again) && heap.is_dirty(again));
        assert_eq!(heap.cards(again).map(|c| c.marked().count()), Some(0));
        assert!(snap.unmarked(&heap, 10).is_empty());

        // A range writer marks just its range.
        let snap = Snapshot::take(&mut heap);
        if let Some(DataMut::Longs(a)) = heap.get_mut_range(big, 64..65).map(|o| o.data) {
            a[64] = 5;
        }
        assert_eq!(
            heap.cards(big).expect("cards").marked().collect::<Vec<_>>(),
            vec![1]
        );
        assert!(snap.unmarked(&heap, 10).is_empty());

        // A write that bypasses the heap's API is caught, naming the card.
        let snap = Snapshot::take(&mut heap);
        let (table, _) = heap.raw_table();
        // SAFETY: `big` is live, a long[] of 1000 elements; element 999 is inside it.
        unsafe { *((*table.add(big as usize)).ptr as *mut i64).add(999) = 9 };
        heap.mark_elements(big, 0..1);
        let missed = snap.unmarked(&heap, 10);
        assert_eq!(
            missed,
            vec!["handle 3: bytes 7680..8000 written, card 15 not marked".to_string()]
        );
        // And a whole object written without any mark.
        let snap = Snapshot::take(&mut heap);
        // SAFETY: `obj` is live, an instance of two fields.
        unsafe { *((*table.add(obj as usize)).ptr as *mut Value) = Value::Int(2) };
        assert_eq!(
            snap.unmarked(&heap, 10),
            vec!["handle 1: written, not marked dirty".to_string()]
        );
    }
}
