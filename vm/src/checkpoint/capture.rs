//! Capture: the process as it stands between two instructions, as a `v1` document. Garbage
//! is collected first, so the heap part holds exactly what the roots reach.

use super::v1;
use crate::class::ClassKind;
use crate::classpath::Origin;
use crate::heap::DataRef;
use crate::indy::CallSite;
use crate::portable;
use crate::runtime::Init;
use crate::thread::{FrameKind, ThreadState};
use crate::value::{NULL, Ref, Value};
use crate::vm::Vm;
use serde_bytes::ByteBuf;
use sha2::Digest;

/// Maps heap handles to checkpoint references (object index + 1).
struct Refs {
    index: Vec<u32>,
}

impl Refs {
    fn of(&self, r: Ref) -> u32 {
        if r == NULL {
            0
        } else {
            self.index.get(r as usize).copied().unwrap_or(0)
        }
    }
}

pub(super) fn encode_slots(values: &[Value], refs: &dyn Fn(Ref) -> u32) -> v1::Slots {
    let mut tags = Vec::with_capacity(values.len());
    let mut words: Vec<i64> = Vec::with_capacity(values.len());
    for v in values {
        let (tag, word) = match *v {
            Value::Top => (0, 0),
            Value::Int(x) => (1, x as i64),
            Value::Float(x) => (2, x.to_bits() as i64),
            Value::Long(x) => (3, x),
            Value::Double(x) => (4, x.to_bits() as i64),
            Value::Ref(r) => (5, refs(r) as i64),
        };
        tags.push(tag);
        words.push(word);
    }
    v1::Slots {
        tags: ByteBuf::from(tags),
        words: ByteBuf::from(portable::encode(&words)),
    }
}

impl Vm {
    /// Captures the whole process. Call it between [`Vm::run`] calls, which always stop at an
    /// instruction boundary.
    pub fn capture(&mut self) -> Result<v1::Checkpoint, super::CheckpointError> {
        self.collect_garbage();
        let limit = self.rt.heap.handle_limit();
        let mut index = vec![0u32; limit];
        let mut live: Vec<Ref> = Vec::new();
        for r in 1..limit as Ref {
            if self.rt.heap.is_live(r) {
                live.push(r);
                index[r as usize] = live.len() as u32;
            }
        }
        let refs = Refs { index };
        let map = |r: Ref| refs.of(r);
        let mut c = self.state(&map, true)?;
        c.heap = self.encode_heap(&live, &map);
        Ok(c)
    }

    /// The definition of class `id` as a checkpoint names it; an application class with its
    /// bytes when `bytes` is set.
    pub(super) fn class_kind(&self, id: usize, bytes: bool) -> v1::ClassKind {
        let c = &self.prog.classes[id];
        match (c.kind, &c.bytes, c.hash) {
            (ClassKind::Array { component, .. }, _, _) => v1::ClassKind::Array { component },
            (ClassKind::Primitive(_), _, _) => v1::ClassKind::Primitive {
                name: c.name.to_string(),
            },
            (ClassKind::Instance, Some(file), Some(hash)) => match c.origin {
                Origin::Library => v1::ClassKind::Library {
                    name: c.name.to_string(),
                    sha256: ByteBuf::from(hash.to_vec()),
                },
                Origin::Application => v1::ClassKind::Application {
                    name: c.name.to_string(),
                    sha256: ByteBuf::from(hash.to_vec()),
                    bytes: if bytes {
                        ByteBuf::from(file.to_vec())
                    } else {
                        ByteBuf::new()
                    },
                },
            },
            (ClassKind::Instance, _, _) => {
                let site = self
                    .prog
                    .sites
                    .iter()
                    .position(
                        |s| matches!(s, CallSite::Lambda { class, .. } if *class as usize == id),
                    )
                    .expect("a class without a class file is a lambda class of a call site");
                v1::ClassKind::Lambda { site: site as u32 }
            }
        }
    }

    /// Everything of the process but its heap, references mapped by `map`; the application
    /// classes with their bytes, and the class files not loaded yet, when `class_bytes` is set.
    pub(super) fn state(
        &self,
        map: &dyn Fn(Ref) -> u32,
        class_bytes: bool,
    ) -> Result<v1::Checkpoint, super::CheckpointError> {
        let now = self.now();
        let mut classes = Vec::with_capacity(self.prog.classes.len());
        for id in 0..self.prog.classes.len() {
            let kind = self.class_kind(id, class_bytes);
            let init = match self.rt.init[id] {
                Init::Uninit => v1::Init::Uninit,
                Init::Running(t) => v1::Init::Running { thread: t },
                Init::Done => v1::Init::Done,
                Init::Failed => v1::Init::Failed,
            };
            classes.push(v1::Class {
                kind,
                init,
                statics: encode_slots(&self.rt.statics[id], map),
                mirror: map(self.rt.mirrors[id]),
                init_error: self.rt.init_errors.get(&(id as u32)).map_or(0, |&r| map(r)),
            });
        }

        let sites = self
            .prog
            .sites
            .iter()
            .zip(&self.prog.site_keys)
            .map(|(s, &(host, cp_index))| v1::Site {
                host,
                cp_index,
                singleton: match s {
                    CallSite::Lambda { singleton, .. } => map(*singleton),
                    _ => 0,
                },
            })
            .collect();

        let mut interned: Vec<u32> = self.rt.interned.values().map(|&r| map(r)).collect();
        // Map iteration order is not portable; the document's is sorted.
        interned.sort_unstable();

        let mut threads = Vec::with_capacity(self.rt.threads.len());
        for t in &self.rt.threads {
            let top = t.frames.last().map_or(0, |f| f.sp as usize);
            let mut frames = Vec::with_capacity(t.frames.len());
            for f in &t.frames {
                let m = self.prog.method(f.method);
                let code = m.code.get().expect("frames run methods with code");
                let class = &self.prog.classes[m.class as usize];
                let method = class
                    .methods
                    .iter()
                    .position(|&x| x == f.method)
                    .expect("a method is declared by its class");
                // A caller's pc may equal the instruction count only transiently; byte offsets
                // past the last instruction do not occur at boundaries.
                let pc = code.pcs.get(f.pc as usize).copied().unwrap_or(u32::MAX);
                frames.push(v1::Frame {
                    class: m.class,
                    method: method as u32,
                    pc,
                    base: f.base,
                    sp: f.sp,
                    kind: match f.kind {
                        FrameKind::Normal => v1::FrameKind::Normal,
                        FrameKind::Clinit(c) => v1::FrameKind::Clinit { class: c },
                        FrameKind::Unbox(k) => v1::FrameKind::Unbox { kind: k.to_char() },
                        FrameKind::Final => v1::FrameKind::Final,
                    },
                    sync: map(f.sync),
                });
            }
            let state = match t.state {
                ThreadState::Runnable => v1::ThreadState::Runnable,
                ThreadState::Sleeping { until } => v1::ThreadState::Sleeping {
                    left: until.saturating_sub(now),
                },
                ThreadState::Waiting { on, until, count } => v1::ThreadState::Waiting {
                    on: map(on),
                    left: until.map(|u| u.saturating_sub(now)),
                    count,
                },
                ThreadState::Blocked {
                    on,
                    count,
                    notified,
                } => v1::ThreadState::Blocked {
                    on: map(on),
                    count,
                    notified,
                },
                ThreadState::InitWait(c) => v1::ThreadState::InitWait { class: c },
                ThreadState::Reading => v1::ThreadState::Reading,
                ThreadState::Terminated => v1::ThreadState::Terminated,
            };
            threads.push(v1::Thread {
                object: map(t.obj),
                state,
                interrupted: t.interrupted,
                daemon: t.daemon,
                died_by_exception: t.died_by_exception,
                slots: encode_slots(&t.slots[..top.min(t.slots.len())], map),
                frames,
            });
        }

        let mut monitors: Vec<v1::Monitor> = self
            .rt
            .monitors
            .iter()
            .map(|(&obj, m)| v1::Monitor {
                object: map(obj),
                owner: m.owner,
                count: m.count,
            })
            .collect();
        monitors.sort_unstable_by_key(|m| m.object);

        // The application classes not loaded yet travel too: the target has no class path.
        let class_files = if class_bytes {
            self.class_files()?
        } else {
            Vec::new()
        };

        Ok(v1::Checkpoint {
            format: v1::FORMAT.to_string(),
            version: v1::VERSION,
            vm: super::vm_key().to_string(),
            executed: self.rt.executed,
            current_thread: self.rt.current as u32,
            quantum_left: self.rt.quantum_left,
            hash_state: self.rt.heap.hash_state(),
            clock: now,
            classes,
            sites,
            heap: v1::Heap::default(),
            interned: ByteBuf::from(portable::encode(&interned)),
            threads,
            monitors,
            class_files,
            launch: Some(v1::Launch {
                max_heap: self.config.max_heap as u64,
                properties: self.config.properties.clone(),
                assertions: self.config.assertions.clone(),
                env: self.config.env.clone(),
            }),
            files: self
                .rt
                .files
                .iter()
                .map(|(fd, f)| v1::OpenFile {
                    fd,
                    path: f.path.clone(),
                    flags: f.flags,
                    position: f.position,
                })
                .collect(),
            stdin_consumed: self.rt.stdin_consumed,
        })
    }

    /// The objects at handles `live`, in order, references mapped by `map`.
    fn encode_heap(&self, live: &[Ref], map: &dyn Fn(Ref) -> u32) -> v1::Heap {
        let mut heap = v1::Heap::default();
        let (mut object_classes, mut hashes, mut lengths) = (
            Vec::with_capacity(live.len()),
            Vec::with_capacity(live.len()),
            Vec::with_capacity(live.len()),
        );
        let (mut tags, mut data) = (Vec::new(), Vec::new());
        for &r in live {
            let obj = self
                .rt
                .heap
                .get(r)
                .expect("collected just now: live handles hold objects");
            object_classes.push(obj.class);
            hashes.push(obj.hash);
            let len = match obj.data {
                DataRef::Fields(f) => {
                    let slots = encode_slots(f, map);
                    tags.extend_from_slice(&slots.tags);
                    data.extend_from_slice(&slots.words);
                    f.len()
                }
                DataRef::Bytes(a) => portable::encode_into(a, &mut data),
                DataRef::Chars(a) => portable::encode_into(a, &mut data),
                DataRef::Shorts(a) => portable::encode_into(a, &mut data),
                DataRef::Ints(a) => portable::encode_into(a, &mut data),
                DataRef::Longs(a) => portable::encode_into(a, &mut data),
                DataRef::Floats(a) => portable::encode_into(a, &mut data),
                DataRef::Doubles(a) => portable::encode_into(a, &mut data),
                DataRef::Refs(a) => {
                    let mapped: Vec<u32> = a.iter().map(|&x| map(x)).collect();
                    portable::encode_into(&mapped, &mut data)
                }
            };
            lengths.push(u32::try_from(len).expect("Java arrays and field lists fit in u32"));
        }
        heap.classes = ByteBuf::from(portable::encode(&object_classes));
        heap.hashes = ByteBuf::from(portable::encode(&hashes));
        heap.lengths = ByteBuf::from(portable::encode(&lengths));
        heap.tags = ByteBuf::from(tags);
        heap.data = ByteBuf::from(data);
        heap
    }

    /// The application classes on the class path not loaded yet.
    pub(super) fn class_files(&self) -> Result<Vec<v1::ClassFile>, super::CheckpointError> {
        let loaded: std::collections::HashSet<&str> =
            self.prog.classes.iter().map(|c| &*c.name).collect();
        Ok(self
            .prog
            .class_path
            .application_classes()
            .map_err(|e| super::CheckpointError::ClassPath(e.to_string()))?
            .into_iter()
            .filter(|(name, _)| !loaded.contains(name.as_str()))
            .map(|(name, bytes)| v1::ClassFile {
                sha256: ByteBuf::from(sha2::Sha256::digest(&bytes).to_vec()),
                bytes: ByteBuf::from(bytes.to_vec()),
                name,
            })
            .collect())
    }
}
