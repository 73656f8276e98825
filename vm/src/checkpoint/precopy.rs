//! The source side of pre-copy (docs/plans/precopy.md): a running process's heap sent in
//! rounds of [`v1::Piece`]s, each round what changed since it was last sent, and a last round
//! made frozen that carries the rest of the process.
//!
//! A [`Tracker`] is one session: [`Vm::precopy_start`] begins it (the heap's dirty record on,
//! every object owed), [`Vm::precopy_piece`] makes the next piece of the current round, of
//! about a given size, between two slices of the program, and [`Vm::precopy_final`] makes the
//! session's last pieces at an instruction boundary with the process stopped. None of them runs
//! Java, collects garbage or reads a clock.
//!
//! What a piece sends for a handle the scanner visits (dirty, owed since round 0, or a large
//! array with a marked card), clearing its marks as it copies:
//! - no object, but the target holds one: `freed`;
//! - an instance, or an array whose storage is small: the whole object;
//! - a large array the target lacks, or a new occupant of the handle: its header (class,
//!   length, hash), then all its elements, card by card;
//! - a large array the target holds: its hash, and the cards marked since.
//!
//! A large array may span pieces: the cards not sent yet stay marked, so a piece that stops
//! inside it, or a round that never comes back to it, loses nothing.

use super::{CheckpointError, v1};
use crate::heap::{CARD_BYTES, DataRef};
use crate::portable;
use crate::runtime::Init;
use crate::value::Ref;
use crate::vm::Vm;
use serde_bytes::ByteBuf;
use std::collections::BTreeSet;

/// One pre-copy session's record of what its target holds.
#[derive(Debug)]
pub struct Tracker {
    session: [u8; 16],
    /// The heap's epoch when the session began: another consumer would change it.
    epoch: u64,
    seq: u32,
    round: u32,
    /// Next handle to visit in this round.
    cursor: Ref,
    /// Handles from here on may hold objects not sent yet (round 0 has not passed them).
    unsent_from: usize,
    /// Per handle, whether the target holds an object there (one bit each).
    sent: Vec<u64>,
    /// One past the highest handle the target may hold.
    high: usize,
    /// The large arrays the target holds: their cards are read every round, since compiled
    /// code marks only the card.
    large: BTreeSet<Ref>,
    /// The large array a piece stopped inside, and the card it stopped at.
    resume: Option<(Ref, usize)>,
    /// Classes and call sites the pieces so far defined.
    classes: usize,
    sites: usize,
    round_done: bool,
    finished: bool,
    /// Bytes of records sent in the current round, and in the whole session.
    round_bytes: u64,
    total_bytes: u64,
}

impl Tracker {
    /// The round the next piece belongs to.
    pub fn round(&self) -> u32 {
        self.round
    }

    /// Whether the current round has visited every handle: the next piece starts another.
    pub fn round_done(&self) -> bool {
        self.round_done
    }

    /// Bytes of heap records sent in the current round (an estimate of the encoding's size).
    pub fn round_bytes(&self) -> u64 {
        self.round_bytes
    }

    /// Bytes of heap records sent in the whole session.
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    fn is_sent(&self, r: Ref) -> bool {
        self.sent
            .get(r as usize / 64)
            .is_some_and(|w| w & (1 << (r % 64)) != 0)
    }

    fn set_sent(&mut self, r: Ref, on: bool) {
        let w = r as usize / 64;
        if w >= self.sent.len() {
            self.sent.resize((w + 1).next_power_of_two(), 0);
        }
        if on {
            self.sent[w] |= 1 << (r % 64);
            self.high = self.high.max(r as usize + 1);
        } else {
            self.sent[w] &= !(1 << (r % 64));
        }
    }

    fn next_round(&mut self) {
        self.round += 1;
        self.cursor = 1;
        self.resume = None;
        self.round_done = false;
        self.round_bytes = 0;
    }
}

/// A piece being filled: its heap columns.
#[derive(Default)]
struct Delta {
    freed: Vec<u32>,
    handles: Vec<u32>,
    classes: Vec<u32>,
    hashes: Vec<i32>,
    lengths: Vec<u32>,
    tags: Vec<u8>,
    data: Vec<u8>,
    arrays: Vec<u32>,
    runs: Vec<u32>,
    run_data: Vec<u8>,
    new_hashes: Vec<u8>,
    bytes: usize,
}

impl Delta {
    fn finish(self) -> v1::HeapDelta {
        v1::HeapDelta {
            freed: ByteBuf::from(portable::encode(&self.freed)),
            handles: ByteBuf::from(portable::encode(&self.handles)),
            objects: v1::Heap {
                classes: ByteBuf::from(portable::encode(&self.classes)),
                hashes: ByteBuf::from(portable::encode(&self.hashes)),
                lengths: ByteBuf::from(portable::encode(&self.lengths)),
                tags: ByteBuf::from(self.tags),
                data: ByteBuf::from(self.data),
            },
            arrays: ByteBuf::from(portable::encode(&self.arrays)),
            runs: ByteBuf::from(portable::encode(&self.runs)),
            run_data: ByteBuf::from(self.run_data),
            hashes: ByteBuf::from(self.new_hashes),
        }
    }
}

/// Appends elements `range` of an array's contents to `out`, little-endian.
fn encode_elements(data: DataRef<'_>, range: std::ops::Range<usize>, out: &mut Vec<u8>) {
    match data {
        DataRef::Bytes(a) => portable::encode_into(&a[range], out),
        DataRef::Chars(a) => portable::encode_into(&a[range], out),
        DataRef::Shorts(a) => portable::encode_into(&a[range], out),
        DataRef::Ints(a) => portable::encode_into(&a[range], out),
        DataRef::Longs(a) => portable::encode_into(&a[range], out),
        DataRef::Floats(a) => portable::encode_into(&a[range], out),
        DataRef::Doubles(a) => portable::encode_into(&a[range], out),
        DataRef::Refs(a) => portable::encode_into(&a[range], out),
        DataRef::Fields(_) => 0,
    };
}

/// Bytes per field or element of an object's contents.
fn width(data: DataRef<'_>) -> usize {
    crate::heap::raw_kind::width(data.kind())
}

impl Vm {
    /// Begins a pre-copy session named `session`: the dirty record is kept from now on (the
    /// compiled code is dropped, to be compiled again with its marks), and every object is
    /// owed to the target. A session begun earlier stops working.
    pub fn precopy_start(&mut self, session: [u8; 16]) -> Tracker {
        self.track_dirty(true);
        let epoch = self.rt.heap.begin_epoch();
        Tracker {
            session,
            epoch,
            seq: 0,
            round: 0,
            cursor: 1,
            unsent_from: 1,
            sent: Vec::new(),
            high: 1,
            large: BTreeSet::new(),
            resume: None,
            classes: 0,
            sites: 0,
            round_done: false,
            finished: false,
            round_bytes: 0,
            total_bytes: 0,
        }
    }

    /// Ends pre-copy: the dirty record is no longer kept (compiled code is compiled again
    /// without its marks). Any session begun before stops working.
    pub fn precopy_stop(&mut self) {
        self.rt.heap.begin_epoch();
        self.track_dirty(false);
        self.rt.heap.clear_all_marks();
    }

    /// The next piece of the current round, of about `max_bytes` of heap records (at least
    /// one record). Call between slices; when [`Tracker::round_done`] turns true the next
    /// call starts the next round. Errors when the session is over or another began since.
    pub fn precopy_piece(
        &mut self,
        t: &mut Tracker,
        max_bytes: usize,
    ) -> Result<v1::Piece, CheckpointError> {
        self.check_session(t)?;
        if t.round_done {
            t.next_round();
        }
        let mut d = Delta::default();
        self.scan(t, max_bytes.max(1), &mut d);
        self.piece(t, d)
    }

    /// The session's last pieces, each of about `max_bytes` of heap records: everything the
    /// target still lacks, and in the last piece the rest of the process. Call at an
    /// instruction boundary with the process stopped (between slices); it must not run again
    /// before the pieces are applied or abandoned. The session is over afterwards.
    pub fn precopy_final(
        &mut self,
        t: &mut Tracker,
        max_bytes: usize,
    ) -> Result<Vec<v1::Piece>, CheckpointError> {
        let pieces = self.last_round(t, max_bytes)?;
        t.finished = true;
        Ok(pieces)
    }

    /// An incremental checkpoint: the same pieces as [`Vm::precopy_final`], but the session
    /// goes on, so the next call sends only what changed since this one. Applied after the
    /// pieces of the earlier calls, in order, they stage this moment of the process (the
    /// checkpoints a job sends home, docs/plans/precopy.md §3.8). Call at an instruction
    /// boundary, between slices.
    pub fn precopy_checkpoint(
        &mut self,
        t: &mut Tracker,
        max_bytes: usize,
    ) -> Result<Vec<v1::Piece>, CheckpointError> {
        self.last_round(t, max_bytes)
    }

    /// Whether `t` is still a session of this process's dirty record (no other began since,
    /// and it is not over).
    pub fn precopy_usable(&self, t: &Tracker) -> bool {
        self.check_session(t).is_ok()
    }

    fn last_round(
        &mut self,
        t: &mut Tracker,
        max_bytes: usize,
    ) -> Result<Vec<v1::Piece>, CheckpointError> {
        self.check_session(t)?;
        // Straight after the start, the last round is round 0 (everything owed).
        if t.seq > 0 {
            t.next_round();
        }
        let mut pieces = Vec::new();
        loop {
            let mut d = Delta::default();
            self.scan(t, max_bytes.max(1), &mut d);
            let done = t.round_done;
            let mut piece = self.piece(t, d)?;
            if done {
                let live_objects = self.rt.heap.count_live() as u64;
                let state = self.state(&|r| r, false)?;
                piece.last = Some(Box::new(v1::Final {
                    state,
                    live_objects,
                    handle_limit: self.rt.heap.handle_limit() as u32,
                }));
                pieces.push(piece);
                return Ok(pieces);
            }
            pieces.push(piece);
        }
    }

    fn check_session(&self, t: &Tracker) -> Result<(), CheckpointError> {
        if t.finished {
            return Err(CheckpointError::Invalid(
                "the pre-copy session is over".to_string(),
            ));
        }
        if t.epoch != self.rt.heap.epoch() {
            return Err(CheckpointError::Invalid(
                "another consumer of the dirty record began after this pre-copy session"
                    .to_string(),
            ));
        }
        Ok(())
    }

    /// A piece of the records in `d`, with the classes and call sites defined since the last.
    fn piece(&self, t: &mut Tracker, d: Delta) -> Result<v1::Piece, CheckpointError> {
        let first = t.seq == 0;
        let classes = (t.classes..self.prog.classes.len())
            .map(|id| self.class_kind(id, true))
            .collect();
        let sites = self.prog.site_keys[t.sites..].to_vec();
        let class_files = if first {
            self.class_files()?
        } else {
            Vec::new()
        };
        t.round_bytes += d.bytes as u64;
        t.total_bytes += d.bytes as u64;
        let piece = v1::Piece {
            format: v1::PIECE_FORMAT.to_string(),
            version: v1::VERSION,
            vm: super::vm_key().to_string(),
            session: ByteBuf::from(t.session.to_vec()),
            seq: t.seq,
            round: t.round,
            launch: first.then(|| self.launch()),
            class_files,
            classes_from: t.classes as u32,
            classes,
            sites_from: t.sites as u32,
            sites,
            inits: ByteBuf::from(
                self.rt
                    .init
                    .iter()
                    .map(|i| match i {
                        Init::Uninit => 0,
                        Init::Running(_) => 1,
                        Init::Done => 2,
                        Init::Failed => 3,
                    })
                    .collect::<Vec<u8>>(),
            ),
            handle_limit: t.high.max(self.rt.heap.handle_limit()) as u32,
            heap: d.finish(),
            last: None,
        };
        t.seq += 1;
        t.classes = self.prog.classes.len();
        t.sites = self.prog.site_keys.len();
        Ok(piece)
    }

    /// The next handle at or after `from` (and before `end`) the round must visit: dirty,
    /// holding an object not sent yet, or a large array with a marked card.
    fn next_candidate(&self, t: &Tracker, from: Ref, end: usize) -> Option<Ref> {
        let heap = &self.rt.heap;
        // Each search looks no further than the nearest candidate found so far, so a round
        // reads the dirty map and the table once, however few marks there are.
        let mut best = end;
        if t.unsent_from < best {
            let start = (from as usize).max(t.unsent_from);
            if let Some(r) = (start..best).find(|&r| heap.is_live(r as Ref) && !t.is_sent(r as Ref))
            {
                best = r;
            }
        }
        best = heap.next_marked(from, best).map_or(best, |r| r as usize);
        if let Some(&r) = t
            .large
            .range(from..best as Ref)
            .find(|&&r| heap.next_marked_card(r, 0).is_some())
        {
            best = r as usize;
        }
        (best < end).then_some(best as Ref)
    }

    /// Fills `d` with about `max_bytes` of records, from where the round stands. A piece that
    /// fills up inside a large array leaves the round at it: its cards not sent yet are still
    /// marked, so the next piece visits it again.
    fn scan(&mut self, t: &mut Tracker, max_bytes: usize, d: &mut Delta) {
        let end = t.high.max(self.rt.heap.handle_limit());
        while d.bytes < max_bytes {
            let Some(h) = self.next_candidate(t, t.cursor, end) else {
                t.cursor = end as Ref;
                t.round_done = true;
                // Every handle has been visited: whatever is not sent is marked.
                t.unsent_from = usize::MAX;
                return;
            };
            t.cursor = h;
            if self.visit(t, h, d) && !self.send_cards(t, h, max_bytes, d) {
                return;
            }
            t.cursor = h + 1;
            if t.unsent_from != usize::MAX {
                t.unsent_from = t.unsent_from.max(t.cursor as usize);
            }
        }
    }

    /// Sends handle `h`'s record; returns true when it is a large array whose cards follow.
    fn visit(&mut self, t: &mut Tracker, h: Ref, d: &mut Delta) -> bool {
        let (dirty, fresh) = self.rt.heap.take_marks(h);
        let large = self.rt.heap.is_large_array(h);
        let Some(obj) = self.rt.heap.get(h) else {
            if t.is_sent(h) {
                d.freed.push(h);
                d.bytes += 4;
                t.set_sent(h, false);
                t.large.remove(&h);
            }
            return false;
        };
        if !large {
            d.handles.push(h);
            d.classes.push(obj.class);
            d.hashes.push(obj.hash);
            let len = match obj.data {
                DataRef::Fields(f) => {
                    let slots = super::capture::encode_slots(f, &|r| r);
                    d.tags.extend_from_slice(&slots.tags);
                    d.data.extend_from_slice(&slots.words);
                    f.len()
                }
                data => {
                    let n = data.array_len().unwrap_or(0);
                    encode_elements(data, 0..n, &mut d.data);
                    n
                }
            };
            d.lengths.push(len as u32);
            d.bytes += 16 + len * width(obj.data);
            t.set_sent(h, true);
            t.large.remove(&h);
            return false;
        }
        if fresh || !t.is_sent(h) || !t.large.contains(&h) {
            let len = obj.data.array_len().unwrap_or(0) as u32;
            d.arrays
                .extend_from_slice(&[h, obj.class, len, obj.hash as u32]);
            d.bytes += 16;
            t.set_sent(h, true);
            t.large.insert(h);
            t.resume = None;
            self.rt.heap.mark_all_cards(h);
        } else if dirty {
            d.new_hashes.extend_from_slice(&h.to_le_bytes());
            d.new_hashes.extend_from_slice(&obj.hash.to_le_bytes());
            d.bytes += 8;
        }
        true
    }

    /// Sends the marked cards of large array `h` as runs of elements until the piece is full;
    /// returns whether none is left. A piece that fills up inside the array notes the card it
    /// stopped at, and the next goes on from there: a card before it marked again meanwhile is
    /// left to the next round.
    fn send_cards(&mut self, t: &mut Tracker, h: Ref, max_bytes: usize, d: &mut Delta) -> bool {
        let mut from = match t.resume {
            Some((r, card)) if r == h => card,
            _ => 0,
        };
        t.resume = None;
        loop {
            let Some(first) = self.rt.heap.next_marked_card(h, from) else {
                return true;
            };
            if d.bytes >= max_bytes {
                t.resume = Some((h, first));
                return false;
            }
            let obj = self
                .rt
                .heap
                .get(h)
                .expect("a large array the scanner visits");
            let w = width(obj.data);
            let len = obj.data.array_len().unwrap_or(0);
            let cards = len.saturating_mul(w).div_ceil(CARD_BYTES);
            // The run: consecutive marked cards, as many as the piece has room for.
            let room = (max_bytes - d.bytes).div_ceil(CARD_BYTES).max(1);
            let mut last = first + 1;
            while last < cards
                && last - first < room
                && self.rt.heap.next_marked_card(h, last) == Some(last)
            {
                last += 1;
            }
            let (a, b) = (first * CARD_BYTES / w, (last * CARD_BYTES / w).min(len));
            d.runs.extend_from_slice(&[h, a as u32, (b - a) as u32]);
            encode_elements(obj.data, a..b, &mut d.run_data);
            d.bytes += 12 + (b - a) * w;
            self.rt.heap.clear_cards_in(h, first..last);
            from = last;
        }
    }

    /// Every application class the process has or may load, by SHA-256 with its bytes: what a
    /// target needs besides the pieces, which a migration sends apart
    /// (`super::take_piece_class_bytes`).
    pub fn precopy_classes(&self) -> Result<Vec<super::ClassBytes>, CheckpointError> {
        let mut kinds: Vec<v1::ClassKind> = (0..self.prog.classes.len())
            .map(|id| self.class_kind(id, true))
            .collect();
        let mut files = self.class_files()?;
        Ok(super::take_bytes(kinds.iter_mut(), &mut files))
    }

    /// About how many bytes of heap records the next round would send if it started now:
    /// the dirty objects (a large array's elements by its marked cards) and the objects
    /// round 0 has not reached yet. Reads the dirty map and the cards of every large array
    /// the target holds.
    pub fn precopy_dirty_bytes(&self, t: &Tracker) -> u64 {
        let heap = &self.rt.heap;
        let end = t.high.max(heap.handle_limit());
        let size = |r: Ref| -> u64 {
            heap.get(r)
                .map_or(4, |o| 16 + (o.data.len() * width(o.data)) as u64)
        };
        let mut bytes = 0u64;
        let mut r = 1;
        while let Some(h) = heap.next_marked(r, end) {
            // A large array the target holds goes by its cards, unless its occupant changed.
            if !t.large.contains(&h) || heap.is_fresh(h) {
                bytes += size(h);
            }
            r = h + 1;
        }
        for &h in &t.large {
            let mut card = 0;
            while let Some(c) = heap.next_marked_card(h, card) {
                bytes += CARD_BYTES as u64 + 12;
                card = c + 1;
            }
        }
        for h in t.unsent_from..end {
            if !t.is_sent(h as Ref) && heap.is_live(h as Ref) && !heap.is_dirty(h as Ref) {
                bytes += size(h as Ref);
            }
        }
        bytes
    }

    /// How the process was launched, as a checkpoint records it.
    fn launch(&self) -> v1::Launch {
        v1::Launch {
            max_heap: self.config.max_heap as u64,
            properties: self.config.properties.clone(),
            assertions: self.config.assertions.clone(),
            env: self.config.env.clone(),
        }
    }
}
