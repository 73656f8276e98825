//! The target side of pre-copy (docs/plans/precopy.md): a process built from the pieces of a
//! session ([`super::precopy`]) while the source keeps running it.
//!
//! A [`Staging`] holds a VM under construction with no way to run it: classes are defined and
//! objects placed at the source's own handles as pieces arrive, each piece checked as it is
//! applied (classes against their hashes, objects against their classes, every handle and
//! reference against the piece's limit, the heap against its limit). Only
//! [`Staging::finish`], after the session's last piece, yields a [`Vm`]: the type keeps the
//! rule that a target never runs a process built from an inconsistent snapshot.

use super::restore::{AppClasses, empty_vm, verify_application_classes};
use super::{CheckpointError, v1};
use crate::class::ClassKind;
use crate::heap::raw_kind;
use crate::portable;
use crate::runtime::Init;
use crate::value::Ref;
use crate::vm::{Config, Host, Vm};

fn invalid(what: impl Into<String>) -> CheckpointError {
    CheckpointError::Invalid(what.into())
}

/// Bytes of heap table and object header the target spends per handle at least: a handle
/// beyond the heap limit over this could never have held an object at the source.
const BYTES_PER_HANDLE: usize = 48;

/// A process being built from pre-copy pieces.
pub struct Staging {
    /// The VM, from the first piece on.
    vm: Option<Vm>,
    /// Its host, until the first piece makes the VM.
    host: Option<Box<dyn Host>>,
    config: Config,
    session: Vec<u8>,
    /// The next piece's number, and the round of the last.
    seq: u32,
    round: u32,
    /// Every class of the session so far (application classes without their bytes).
    kinds: Vec<v1::ClassKind>,
    sites: Vec<(u32, u16)>,
    relinked: usize,
    app: AppClasses,
    /// Handles must stay below it.
    handle_cap: usize,
    last: Option<Box<v1::Final>>,
    /// A piece failed: nothing more is applied.
    failed: bool,
}

impl std::fmt::Debug for Staging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Staging")
            .field("seq", &self.seq)
            .field("round", &self.round)
            .field("classes", &self.kinds.len())
            .finish_non_exhaustive()
    }
}

/// Reads a column of little-endian u32 words in groups of `n`.
fn groups(bytes: &[u8], n: usize, what: &str) -> Result<Vec<u32>, CheckpointError> {
    let words: Vec<u32> = portable::decode(bytes).map_err(|e| invalid(format!("{what}: {e}")))?;
    if !words.len().is_multiple_of(n) {
        return Err(invalid(format!(
            "{what}: {} words, not groups of {n}",
            words.len()
        )));
    }
    Ok(words)
}

/// The same class definition, but for an application class's bytes, which one may omit.
fn same_kind(a: &v1::ClassKind, b: &v1::ClassKind) -> bool {
    match (a, b) {
        (
            v1::ClassKind::Application {
                name: n1,
                sha256: h1,
                ..
            },
            v1::ClassKind::Application {
                name: n2,
                sha256: h2,
                ..
            },
        ) => n1 == n2 && h1 == h2,
        _ => a == b,
    }
}

impl Staging {
    /// Ready for a session's first piece; the process will run on `host` with `config`
    /// (amended by the launch settings the first piece carries, as a restore would).
    pub fn new(host: Box<dyn Host>, config: Config) -> Staging {
        Staging {
            vm: None,
            host: Some(host),
            config,
            session: Vec::new(),
            seq: 0,
            round: 0,
            kinds: Vec::new(),
            sites: Vec::new(),
            relinked: 0,
            app: AppClasses::default(),
            handle_cap: 0,
            last: None,
            failed: false,
        }
    }

    /// One past the highest handle staged so far.
    pub fn handle_count(&self) -> usize {
        self.vm.as_ref().map_or(0, |vm| vm.rt.heap.handle_limit())
    }

    /// Number of pieces applied.
    pub fn pieces(&self) -> u32 {
        self.seq
    }

    /// Whether the session's last piece has been applied: [`Staging::finish`] may follow.
    pub fn complete(&self) -> bool {
        self.last.is_some()
    }

    /// Applies the session's next piece. An error leaves the staging unusable: the session
    /// is abandoned (the source still runs the process).
    pub fn apply(&mut self, piece: v1::Piece) -> Result<(), CheckpointError> {
        let what = format!("piece {}", piece.seq);
        if self.failed {
            return Err(invalid(format!("{what} follows a piece that failed")));
        }
        // Any error below abandons the staging.
        self.failed = true;
        // A last piece ends a round; a later round (an incremental checkpoint) may follow.
        if self.last.is_some() && piece.round <= self.round {
            return Err(invalid(format!(
                "{what} follows the last piece, in the same round {}",
                piece.round
            )));
        }
        if piece.seq != self.seq {
            return Err(invalid(format!("{what} where piece {} was due", self.seq)));
        }
        let first = self.seq == 0;
        if first {
            if piece.session.len() != 16 || piece.round != 0 || piece.launch.is_none() {
                return Err(invalid(format!(
                    "{what}: a session's first piece has a 16-byte session, round 0 and the launch"
                )));
            }
            self.session = piece.session.to_vec();
        } else if *piece.session != *self.session {
            return Err(invalid(format!("{what} belongs to another session")));
        } else if piece.round != self.round && piece.round != self.round + 1 {
            return Err(invalid(format!(
                "{what} of round {} follows round {}",
                piece.round, self.round
            )));
        } else if piece.launch.is_some() || !piece.class_files.is_empty() {
            return Err(invalid(format!(
                "{what}: only the first piece brings the launch and class files"
            )));
        }
        if piece.classes_from as usize != self.kinds.len()
            || piece.sites_from as usize != self.sites.len()
        {
            return Err(invalid(format!(
                "{what} adds classes from {} and call sites from {}, where {} and {} are defined",
                piece.classes_from,
                piece.sites_from,
                self.kinds.len(),
                self.sites.len()
            )));
        }
        verify_application_classes(piece.classes.iter(), &piece.class_files, &mut self.app)?;
        if first {
            let host = self.host.take().expect("the first piece takes the host");
            let vm = empty_vm(
                &piece.classes,
                &self.app,
                piece.launch.as_ref(),
                host,
                self.config.clone(),
            )?;
            self.handle_cap = vm.config.max_heap / BYTES_PER_HANDLE + 2;
            self.vm = Some(vm);
        }
        let vm = self.vm.as_mut().expect("made by the first piece");
        let from = self.kinds.len();
        self.kinds.extend(piece.classes);
        self.sites.extend(piece.sites);
        if piece.inits.len() != self.kinds.len() {
            return Err(invalid(format!(
                "{what}: {} initialization states for {} classes",
                piece.inits.len(),
                self.kinds.len()
            )));
        }
        // For linking call sites again, a class that started initializing counts as
        // initialized (`Vm::define_classes`); the last piece brings the real states.
        let inits: Vec<Init> = piece
            .inits
            .iter()
            .map(|&b| if b == 0 { Init::Uninit } else { Init::Done })
            .collect();
        for (i, &init) in inits.iter().enumerate().take(from) {
            vm.rt.init[i] = init;
        }
        vm.define_classes(
            &self.kinds,
            &inits,
            from,
            &self.sites,
            &mut self.relinked,
            &self.app,
        )?;
        if first {
            vm.boot()
                .map_err(|e| invalid(format!("class library: {e}")))?;
            if vm.prog.classes.len() != self.kinds.len() {
                return Err(invalid("the session lacks classes every process loads"));
            }
        }
        // Keep the definitions without the class bytes: the class path holds those.
        for k in &mut self.kinds[from..] {
            if let v1::ClassKind::Application { bytes, .. } = k {
                *bytes = serde_bytes::ByteBuf::new();
            }
        }
        let limit = piece.handle_limit as usize;
        if limit > self.handle_cap {
            return Err(invalid(format!(
                "{what}: {limit} handles, more than a heap of {} bytes can hold",
                vm.config.max_heap
            )));
        }
        if let Some(last) = &piece.last
            && last.handle_limit > piece.handle_limit
        {
            return Err(invalid(format!(
                "{what}: the last handle {} is past the piece's limit {limit}",
                last.handle_limit
            )));
        }
        apply_heap(vm, &self.kinds, &piece.heap, limit, &what)?;
        self.seq += 1;
        self.round = piece.round;
        self.last = piece.last;
        self.failed = false;
        Ok(())
    }

    /// The process, once the session's last piece is applied: its heap settled as the
    /// source's was and the rest of its state restored and checked. With `verify`, every
    /// reference in the heap is checked to name an object, which reads the whole heap;
    /// without, a reference to an empty handle behaves as null.
    pub fn finish(mut self, verify: bool) -> Result<Vm, CheckpointError> {
        let (Some(mut vm), Some(last), false) = (self.vm.take(), self.last.take(), self.failed)
        else {
            return Err(invalid("the session's last piece has not arrived"));
        };
        let state = &last.state;
        let same = state.classes.len() == self.kinds.len()
            && state
                .classes
                .iter()
                .zip(&self.kinds)
                .all(|(c, k)| same_kind(&c.kind, k));
        if !same {
            return Err(invalid(
                "the last piece's classes are not those the session defined",
            ));
        }
        vm.rt.heap.settle(last.handle_limit as usize).map_err(|r| {
            invalid(format!(
                "handle {r} holds an object, past the source's last handle {}",
                last.handle_limit
            ))
        })?;
        // Placing may have held objects the source had freed meanwhile (at higher handles);
        // the finished heap must fit.
        if vm.rt.heap.live_bytes() > vm.config.max_heap {
            return Err(invalid(format!(
                "the heap of {} bytes exceeds its limit of {} bytes",
                vm.rt.heap.live_bytes(),
                vm.config.max_heap
            )));
        }
        let live = vm.rt.heap.count_live() as u64;
        if live != last.live_objects {
            return Err(invalid(format!(
                "{live} objects arrived, where the source holds {}",
                last.live_objects
            )));
        }
        if verify && let Some((holder, r)) = vm.rt.heap.dangling() {
            return Err(invalid(format!(
                "object {holder} refers to handle {r}, which holds no object"
            )));
        }
        vm.restore_state(state)?;
        Ok(vm)
    }
}

/// The raw kind of arrays of class `class`, if it is an array class.
fn array_kind(vm: &Vm, class: u32) -> Option<u32> {
    match vm.prog.classes.get(class as usize)?.kind {
        ClassKind::Array { elem, .. } => Some(raw_kind::of_elem(elem)),
        _ => None,
    }
}

/// Checks that `handles` ascend and lie in `1..limit`.
fn check_handles(
    handles: impl Iterator<Item = u32>,
    limit: usize,
    what: &str,
) -> Result<(), CheckpointError> {
    let mut last = 0u32;
    for h in handles {
        if h <= last || h as usize >= limit {
            return Err(invalid(format!(
                "{what}: handle {h} out of order or past the limit {limit}"
            )));
        }
        last = h;
    }
    Ok(())
}

/// Applies a piece's heap records, in the order of [`v1::HeapDelta`]'s fields.
fn apply_heap(
    vm: &mut Vm,
    kinds: &[v1::ClassKind],
    d: &v1::HeapDelta,
    limit: usize,
    what: &str,
) -> Result<(), CheckpointError> {
    let full = |_| invalid(format!("{what}: the heap would exceed its limit"));
    let freed = groups(&d.freed, 1, &format!("{what}: freed handles"))?;
    check_handles(freed.iter().copied(), limit, &format!("{what}: freed"))?;
    for &h in &freed {
        if !vm.rt.heap.vacate(h) {
            return Err(invalid(format!(
                "{what}: frees handle {h}, which holds nothing"
            )));
        }
    }

    let handles = groups(&d.handles, 1, &format!("{what}: handles"))?;
    check_handles(handles.iter().copied(), limit, &format!("{what}: objects"))?;
    let n = d.objects.len().map_err(invalid)?;
    if n != handles.len() {
        return Err(invalid(format!(
            "{what}: {} handles for {n} objects",
            handles.len()
        )));
    }
    let objects = d.objects.objects(kinds).map_err(invalid)?;
    for (&h, o) in handles.iter().zip(objects) {
        let o = o.map_err(invalid)?;
        let at = format!("{what}: object {h}");
        let data = vm.object_data(o.class, o.contents, limit - 1, &at)?;
        vm.rt
            .heap
            .place(h, o.class, o.hash, data.view())
            .map_err(full)?;
    }

    let arrays = groups(&d.arrays, 4, &format!("{what}: arrays"))?;
    check_handles(
        arrays.chunks_exact(4).map(|a| a[0]),
        limit,
        &format!("{what}: arrays"),
    )?;
    for a in arrays.chunks_exact(4) {
        let (h, class, len, hash) = (a[0], a[1], a[2] as usize, a[3] as i32);
        let kind = array_kind(vm, class).ok_or_else(|| {
            invalid(format!(
                "{what}: array {h} of class {class}, not an array class"
            ))
        })?;
        vm.rt
            .heap
            .place_array(h, class, kind, len, hash)
            .map_err(full)?;
    }

    let runs = groups(&d.runs, 3, &format!("{what}: runs"))?;
    let mut at = 0usize;
    for r in runs.chunks_exact(3) {
        let (h, start, n) = (r[0], r[1] as usize, r[2] as usize);
        let run = format!("{what}: run of array {h}");
        if h as usize >= limit {
            return Err(invalid(format!("{run}: past the limit {limit}")));
        }
        let kind = vm
            .rt
            .heap
            .get(h)
            .and_then(|o| array_kind(vm, o.class))
            .ok_or_else(|| invalid(format!("{run}: the handle holds no array")))?;
        let bytes = n
            .checked_mul(raw_kind::width(kind))
            .and_then(|b| b.checked_add(at))
            .filter(|&end| end <= d.run_data.len())
            .map(|end| &d.run_data[std::mem::replace(&mut at, end)..end])
            .ok_or_else(|| invalid(format!("{run}: {n} elements run past the data")))?;
        if kind == raw_kind::REFS {
            for w in bytes.chunks_exact(4) {
                let r = u32::from_le_bytes(w.try_into().expect("4 bytes"));
                if r as usize >= limit {
                    return Err(invalid(format!("{run}: refers to handle {r}")));
                }
            }
        }
        vm.rt
            .heap
            .write_elements(h as Ref, start, bytes)
            .map_err(|e| invalid(format!("{run}: {e}")))?;
    }
    if at != d.run_data.len() {
        return Err(invalid(format!(
            "{what}: {} bytes of run data past the last run",
            d.run_data.len() - at
        )));
    }

    let hashes = groups(&d.hashes, 2, &format!("{what}: hashes"))?;
    check_handles(
        hashes.chunks_exact(2).map(|a| a[0]),
        limit,
        &format!("{what}: hashes"),
    )?;
    for p in hashes.chunks_exact(2) {
        if !vm.rt.heap.is_live(p[0]) {
            return Err(invalid(format!(
                "{what}: a hash for handle {}, which holds nothing",
                p[0]
            )));
        }
        vm.rt.heap.set_hash(p[0], p[1] as i32);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classpath::ClassPath;
    use crate::heap::DataRef;
    use crate::value::Value;
    use crate::vm::ReadResult;

    struct Quiet;

    impl Host for Quiet {
        fn write(&mut self, _: i32, _: &[u8]) {}
        fn read(&mut self, _: &mut [u8]) -> ReadResult {
            ReadResult::Eof
        }
        fn nanos(&self) -> i64 {
            0
        }
        fn millis(&self) -> i64 {
            0
        }
    }

    fn vm() -> Vm {
        Vm::new(ClassPath::default(), Box::new(Quiet), Config::default()).expect("boots")
    }

    /// Objects of several kinds: a long[] over many cards, a small int[], a String (an
    /// instance with a reference), an Object[] holding them.
    fn populate(vm: &mut Vm) -> [Ref; 4] {
        let k = vm.rt.known.clone();
        let heap = &mut vm.rt.heap;
        let big = heap
            .alloc_array(k.prim_arrays[7], raw_kind::LONGS, 10_000)
            .unwrap();
        for i in 0..10_000 {
            heap.store_element(big, i, Value::Long(i as i64 * 3))
                .unwrap();
        }
        let small = heap
            .alloc_copy(k.prim_arrays[6], DataRef::Ints(&[1, 2, 3]))
            .unwrap();
        let chars = heap
            .alloc_copy(k.char_array, DataRef::Chars(&[104, 105]))
            .unwrap();
        let mut fields = vm.prog.class(k.string).zeroed_fields().to_vec();
        fields[vm.rt.known.string_value] = Value::Ref(chars);
        let s = vm.rt.heap.alloc_fields(k.string, &fields).unwrap();
        let all = vm
            .rt
            .heap
            .alloc_array(k.object_array, raw_kind::REFS, 3)
            .unwrap();
        for (i, r) in [big, small, s].into_iter().enumerate() {
            vm.rt.heap.store_element(all, i, Value::Ref(r)).unwrap();
        }
        [big, small, s, all]
    }

    /// Every handle of both heaps holds the same object.
    fn same_heaps(a: &Vm, b: &Vm) {
        let (ha, hb) = (&a.rt.heap, &b.rt.heap);
        assert_eq!(ha.handle_limit(), hb.handle_limit());
        for r in 1..ha.handle_limit() as Ref {
            match (ha.get(r), hb.get(r)) {
                (None, None) => {}
                (Some(x), Some(y)) => {
                    assert_eq!((x.class, x.hash), (y.class, y.hash), "handle {r}");
                    assert_eq!(x.data.to_owned(), y.data.to_owned(), "handle {r}");
                }
                (x, y) => panic!("handle {r}: {:?} against {:?}", x.is_some(), y.is_some()),
            }
        }
    }

    fn roundtrip(p: &v1::Piece) -> v1::Piece {
        super::super::decode_piece(&super::super::encode_piece(p), 1 << 30).unwrap()
    }

    /// A session of several rounds with writes, a collection and new objects between pieces.
    fn session(src: &mut Vm) -> (Vec<v1::Piece>, Ref) {
        let [big, small, s, all] = populate(src);
        let mut t = src.precopy_start([7; 16]);
        let mut pieces = vec![src.precopy_piece(&mut t, 4096).unwrap()];
        // Written between pieces of round 0: an element already sent and one not yet.
        src.rt.heap.store_element(big, 5, Value::Long(-1)).unwrap();
        src.rt
            .heap
            .store_element(big, 9_999, Value::Long(-2))
            .unwrap();
        while !t.round_done() {
            pieces.push(src.precopy_piece(&mut t, 4096).unwrap());
        }
        assert_eq!(t.round(), 0);
        // Round 1: a field, a hash, a collection that frees the small array, a new array
        // in its handle.
        src.rt.heap.identity_hash(big);
        src.rt.heap.store_element(all, 1, Value::Ref(0)).unwrap();
        let mut roots = vec![all];
        roots.extend(1..src.rt.heap.handle_limit() as Ref);
        roots.retain(|&r| r != small);
        src.rt.heap.collect(roots);
        assert!(!src.rt.heap.is_live(small));
        let again = src
            .rt
            .heap
            .alloc_array(src.rt.known.prim_arrays[4], raw_kind::BYTES, 2_000)
            .unwrap();
        assert_eq!(again, small, "the freed handle is taken again");
        pieces.push(src.precopy_piece(&mut t, 1 << 20).unwrap());
        assert!(t.round_done());
        src.rt.heap.store_field(s, 1, Value::Int(42)).unwrap();
        src.rt
            .heap
            .store_element(big, 4_000, Value::Long(7))
            .unwrap();
        pieces.extend(src.precopy_final(&mut t, 4096).unwrap());
        assert!(
            src.precopy_piece(&mut t, 10).is_err(),
            "the session is over"
        );
        assert_eq!(src.rt.heap.load_element(all, 2).unwrap().0, Value::Ref(s));
        (pieces, s)
    }

    #[test]
    fn a_session_rebuilds_the_heap_exactly() {
        let mut src = vm();
        let (pieces, _) = session(&mut src);
        assert!(pieces.iter().rev().skip(1).all(|p| p.last.is_none()));
        assert!(pieces.last().unwrap().last.is_some());
        let mut staging = Staging::new(Box::new(Quiet), Config::default());
        for p in &pieces {
            assert!(!staging.complete());
            staging.apply(roundtrip(p)).unwrap();
        }
        assert!(staging.complete());
        let mut dst = staging.finish(true).unwrap();
        same_heaps(&src, &dst);
        // Both allocate the same handles next.
        let k = src.rt.known.prim_arrays[6];
        for _ in 0..3 {
            let a = src.rt.heap.alloc_array(k, raw_kind::INTS, 1).unwrap();
            let b = dst.rt.heap.alloc_array(k, raw_kind::INTS, 1).unwrap();
            assert_eq!(a, b);
        }
        assert_eq!(src.capture().unwrap(), dst.capture().unwrap());
    }

    /// Incremental checkpoints: a base, then deltas of one session; the pieces up to any
    /// checkpoint stage the process as it was at that checkpoint.
    #[test]
    fn deltas_after_a_base_stage_each_checkpoint_exactly() {
        let mut src = vm();
        let [big, _, s, all] = populate(&mut src);
        let mut t = src.precopy_start([9; 16]);
        let mut chain = src.precopy_checkpoint(&mut t, 4096).unwrap();
        let base_len = chain.len();
        // The pieces up to a checkpoint stage the heap as it is now (no collection runs
        // at the source in between, unlike in `capture`).
        let stage = |chain: &[v1::Piece]| {
            let mut staging = Staging::new(Box::new(Quiet), Config::default());
            for p in chain {
                staging.apply(roundtrip(p)).unwrap();
            }
            assert!(staging.complete());
            staging.finish(true).unwrap()
        };
        same_heaps(&src, &stage(&chain));
        for step in 0..3i64 {
            src.rt
                .heap
                .store_element(big, 100 + step as usize * 700, Value::Long(step))
                .unwrap();
            src.rt
                .heap
                .store_field(s, 1, Value::Int(step as i32))
                .unwrap();
            let extra = src
                .rt
                .heap
                .alloc_array(src.rt.known.prim_arrays[6], raw_kind::INTS, 5)
                .unwrap();
            src.rt
                .heap
                .store_element(all, 1, Value::Ref(extra))
                .unwrap();
            let delta = src.precopy_checkpoint(&mut t, 4096).unwrap();
            assert!(delta.last().unwrap().last.is_some());
            chain.extend(delta);
            same_heaps(&src, &stage(&chain));
        }
        assert_eq!(src.capture().unwrap(), stage(&chain).capture().unwrap());
        // A delta sends what changed, not the heap again.
        let bytes = |ps: &[v1::Piece]| {
            ps.iter()
                .map(|p| super::super::encode_piece(p).len())
                .sum::<usize>()
        };
        let base = bytes(&chain[..base_len]);
        let deltas = bytes(&chain[base_len..]);
        assert!(
            deltas * 4 < base,
            "deltas of {deltas} bytes over a base of {base}"
        );
        // A round cannot be applied twice.
        let mut staging = Staging::new(Box::new(Quiet), Config::default());
        for p in &chain[..base_len] {
            staging.apply(p.clone()).unwrap();
        }
        let mut again = chain[base_len].clone();
        again.round = chain[base_len - 1].round;
        assert!(staging.apply(again).is_err());
    }

    #[test]
    fn a_new_session_supersedes_the_old() {
        let mut src = vm();
        populate(&mut src);
        let mut old = src.precopy_start([1; 16]);
        src.precopy_piece(&mut old, 100).unwrap();
        let mut new = src.precopy_start([2; 16]);
        assert!(src.precopy_piece(&mut old, 100).is_err());
        assert!(src.precopy_piece(&mut new, 100).is_ok());
        src.precopy_stop();
        assert!(src.precopy_final(&mut new, 100).is_err());
    }

    fn refused(pieces: &[v1::Piece], damage: impl Fn(&mut Vec<v1::Piece>)) -> String {
        let mut pieces = pieces.to_vec();
        damage(&mut pieces);
        let mut staging = Staging::new(Box::new(Quiet), Config::default());
        for p in pieces {
            if let Err(e) = staging.apply(p) {
                return e.to_string();
            }
        }
        match staging.finish(true) {
            Ok(_) => panic!("a damaged session finished"),
            Err(e) => e.to_string(),
        }
    }

    /// The first piece whose heap records pass `test`.
    fn with(pieces: &[v1::Piece], test: impl Fn(&v1::HeapDelta) -> bool) -> usize {
        pieces
            .iter()
            .position(|p| test(&p.heap))
            .expect("a piece with such records")
    }

    fn u32s(words: &[u32]) -> serde_bytes::ByteBuf {
        serde_bytes::ByteBuf::from(portable::encode(words))
    }

    #[test]
    fn damaged_sessions_are_refused_with_the_reason() {
        let mut src = vm();
        let (pieces, _) = session(&mut src);
        let n = pieces.len();
        type Damage = Box<dyn Fn(&mut Vec<v1::Piece>)>;
        let cases: Vec<(&str, Damage)> = vec![
            (
                "where piece 1 was due",
                Box::new(|p| {
                    p.remove(1);
                }),
            ),
            ("another session", Box::new(|p| p[2].session[0] ^= 1)),
            ("has not arrived", Box::new(move |p| p.truncate(n - 1))),
            (
                "follows the last piece, in the same round",
                Box::new(|p| {
                    let extra = p[0].clone();
                    p.push(extra);
                }),
            ),
            ("of round 5 follows", Box::new(|p| p[1].round = 5)),
            ("adds classes from", Box::new(|p| p[1].classes_from += 1)),
            (
                "initialization states",
                Box::new(|p| {
                    p[1].inits.pop();
                }),
            ),
            ("first piece has", Box::new(|p| p[0].launch = None)),
            (
                "more than a heap",
                Box::new(|p| p[0].handle_limit = u32::MAX),
            ),
            (
                "past the limit",
                Box::new(|p| {
                    p[0].heap.freed = u32s(&[p[0].handle_limit]);
                }),
            ),
            (
                "which holds nothing",
                Box::new(|p| p[0].heap.freed = u32s(&[1])),
            ),
            (
                "out of order",
                Box::new(|p| {
                    let i = with(p, |d| d.handles.len() >= 8);
                    let mut h = portable::decode::<u32>(&p[i].heap.handles).unwrap();
                    h.swap(0, 1);
                    p[i].heap.handles = u32s(&h);
                }),
            ),
            (
                "run past the data",
                Box::new(|p| {
                    let i = with(p, |d| !d.run_data.is_empty());
                    p[i].heap.run_data.truncate(8);
                }),
            ),
            (
                "not an array class",
                Box::new(|p| {
                    let i = with(p, |d| !d.arrays.is_empty());
                    let mut a = portable::decode::<u32>(&p[i].heap.arrays).unwrap();
                    a[1] = 0;
                    p[i].heap.arrays = u32s(&a);
                }),
            ),
            (
                "objects arrived",
                Box::new(move |p| {
                    p[n - 1].last.as_mut().unwrap().live_objects += 1;
                }),
            ),
            (
                "holds an object, past",
                Box::new(move |p| {
                    p[n - 1].last.as_mut().unwrap().handle_limit = 2;
                }),
            ),
            (
                "classes are not those",
                Box::new(move |p| {
                    p[n - 1].last.as_mut().unwrap().state.classes.pop();
                }),
            ),
            (
                "not a java.lang.Thread",
                Box::new(move |p| {
                    let state = &mut p[n - 1].last.as_mut().unwrap().state;
                    state.threads.push(v1::Thread {
                        object: 1,
                        state: v1::ThreadState::Terminated,
                        interrupted: false,
                        daemon: false,
                        died_by_exception: false,
                        slots: v1::Slots::default(),
                        frames: Vec::new(),
                    });
                }),
            ),
        ];
        for (want, damage) in cases {
            let got = refused(&pieces, damage);
            assert!(got.contains(want), "wanted {want:?}, got {got:?}");
        }
    }

    #[test]
    fn references_to_empty_handles_are_found_when_verifying() {
        let mut src = vm();
        let (mut pieces, s) = session(&mut src);
        // The last piece frees the String's char[], which the String still refers to.
        let chars = src
            .rt
            .heap
            .load_field(s, src.rt.known.string_value)
            .unwrap()
            .reference();
        let last = pieces.last_mut().unwrap();
        let mut freed = portable::decode::<u32>(&last.heap.freed).unwrap();
        freed.push(chars);
        freed.sort_unstable();
        last.heap.freed = u32s(&freed);
        last.last.as_mut().unwrap().live_objects -= 1;
        let stage = |verify: bool| {
            let mut staging = Staging::new(Box::new(Quiet), Config::default());
            for p in &pieces {
                staging.apply(p.clone()).unwrap();
            }
            staging.finish(verify)
        };
        let Err(err) = stage(true) else {
            panic!("a reference to an empty handle went unnoticed");
        };
        let err = err.to_string();
        assert!(
            err.contains(&format!("refers to handle {chars}, which holds no object")),
            "{err}"
        );
        // Unverified, the reference behaves as null.
        assert!(stage(false).is_ok());
    }
}
