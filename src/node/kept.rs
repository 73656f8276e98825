//! The frames a node keeps for one process's home until the home acknowledges them: the oldest
//! in memory (up to [`MEMORY`] bytes), the rest spilled to a file in the node's state folder
//! (up to [`MAX_SPILL`] bytes), in order. A home out of reach for a long time thus costs disk,
//! not memory; only past the spill bound are frames given up.

use phantom_transport::control::Home;
use std::collections::VecDeque;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use tracing::warn;

/// Bytes of frames kept in memory per process.
const MEMORY: usize = 16 << 20;

/// Bytes of frames spilled to disk per process.
const MAX_SPILL: u64 = 4 << 30;

/// Largest frame read back from a spill file (the largest a control stream carries).
const MAX_FRAME: usize = phantom_transport::control::MAX_CONTROL_FRAME;

/// Frames kept for one process's home, oldest first.
#[derive(Debug)]
pub(super) struct Kept {
    memory: VecDeque<Home>,
    memory_bytes: usize,
    spill: Option<Spill>,
    /// Where a spill file goes.
    path: PathBuf,
}

/// Frames on disk, after those in memory: `[u32 length, big-endian][CBOR]` each.
#[derive(Debug)]
struct Spill {
    file: File,
    read_at: u64,
    write_at: u64,
    frames: usize,
}

/// The size a frame counts for.
fn size(h: &Home) -> usize {
    match h {
        Home::Output { bytes, .. } => bytes.len() + 16,
        _ => 64,
    }
}

impl Kept {
    /// Nothing kept yet; a spill would go to `dir/name`.
    pub(super) fn new(dir: &Path, name: &str) -> Kept {
        Kept {
            memory: VecDeque::new(),
            memory_bytes: 0,
            spill: None,
            path: dir.join(name),
        }
    }

    /// Frames kept, in memory and on disk.
    pub(super) fn len(&self) -> usize {
        self.memory.len() + self.spill.as_ref().map_or(0, |s| s.frames)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The oldest frames, in memory.
    pub(super) fn memory(&self) -> &VecDeque<Home> {
        &self.memory
    }

    /// Keeps a frame; false if it had to be given up (the spill bound is reached, or the disk
    /// failed).
    pub(super) fn push(&mut self, h: Home) -> bool {
        if self.spill.is_none() && self.memory_bytes + size(&h) <= MEMORY {
            self.memory_bytes += size(&h);
            self.memory.push_back(h);
            return true;
        }
        if self.spill.is_none() {
            let opened = std::fs::create_dir_all(self.path.parent().unwrap_or(Path::new(".")))
                .and_then(|()| {
                    std::fs::OpenOptions::new()
                        .create(true)
                        .truncate(true)
                        .read(true)
                        .write(true)
                        .open(&self.path)
                });
            match opened {
                Ok(file) => {
                    self.spill = Some(Spill {
                        file,
                        read_at: 0,
                        write_at: 0,
                        frames: 0,
                    });
                }
                Err(e) => {
                    warn!(path = %self.path.display(), "cannot spill output to disk: {e}");
                    return false;
                }
            }
        }
        let spill = self.spill.as_mut().expect("opened above");
        let mut bytes = vec![0; 4];
        ciborium::into_writer(&h, &mut bytes).expect("writing CBOR into a Vec cannot fail");
        let len = bytes.len() - 4;
        // The file is only emptied once all of it is read back: bound its size.
        if spill.write_at + bytes.len() as u64 > MAX_SPILL {
            return false;
        }
        bytes[..4].copy_from_slice(&(len as u32).to_be_bytes());
        if let Err(e) = spill.file.write_all_at(&bytes, spill.write_at) {
            warn!(path = %self.path.display(), "spilling output to disk failed: {e}");
            return false;
        }
        spill.write_at += bytes.len() as u64;
        spill.frames += 1;
        true
    }

    /// Drops the frames a home holds, when it holds every output before `held`; returns how
    /// many of those in memory went.
    pub(super) fn acknowledge(&mut self, held: u64) -> usize {
        let before = self.memory.len();
        self.memory.retain(|h| match h {
            Home::Output { seq, .. } => *seq >= held,
            // The home knows where the process is: it asked or answered.
            Home::Arrived { .. } => false,
            Home::Exited { outputs, .. } => held < *outputs,
        });
        self.memory_bytes = self.memory.iter().map(size).sum();
        before - self.memory.len()
    }

    /// Moves spilled frames into memory while there is room; whether any moved.
    pub(super) fn refill(&mut self) -> bool {
        let mut moved = false;
        while let Some(spill) = self.spill.as_mut() {
            if spill.frames == 0 {
                self.spill = None;
                let _ = std::fs::remove_file(&self.path);
                break;
            }
            let mut head = [0u8; 4];
            let read = spill.file.read_exact_at(&mut head, spill.read_at);
            let len = u32::from_be_bytes(head) as usize;
            if read.is_err() || len > MAX_FRAME {
                warn!(path = %self.path.display(), frames = spill.frames, "spilled output is unreadable; given up");
                self.spill = None;
                let _ = std::fs::remove_file(&self.path);
                break;
            }
            if self.memory_bytes + len + 16 > MEMORY && !self.memory.is_empty() {
                break;
            }
            let mut bytes = vec![0; len];
            let frame = spill
                .file
                .read_exact_at(&mut bytes, spill.read_at + 4)
                .ok()
                .and_then(|()| ciborium::from_reader::<Home, _>(bytes.as_slice()).ok());
            let Some(frame) = frame else {
                warn!(path = %self.path.display(), frames = spill.frames, "spilled output is unreadable; given up");
                self.spill = None;
                let _ = std::fs::remove_file(&self.path);
                break;
            };
            spill.read_at += 4 + len as u64;
            spill.frames -= 1;
            self.memory_bytes += size(&frame);
            self.memory.push_back(frame);
            moved = true;
        }
        moved
    }
}

impl Drop for Kept {
    fn drop(&mut self) {
        if self.spill.take().is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(seq: u64, len: usize) -> Home {
        Home::Output {
            seq,
            fd: 1,
            bytes: vec![b'x'; len],
        }
    }

    #[test]
    fn frames_past_memory_go_to_disk_and_come_back_in_order() {
        let dir = std::env::temp_dir().join(format!("phantom-kept-{}", std::process::id()));
        let mut kept = Kept::new(&dir, "job-0");
        // 40 frames of 1 MiB: 16 fit in memory, the rest spill.
        for seq in 0..40 {
            assert!(kept.push(output(seq, 1 << 20)));
        }
        assert_eq!(kept.len(), 40);
        assert!(kept.memory().len() < 40, "some spilled");
        assert!(dir.join("job-0").exists());
        let mut seen = Vec::new();
        let mut held = 0;
        while !kept.is_empty() {
            for h in kept.memory() {
                if let Home::Output { seq, .. } = h
                    && seen.last().is_none_or(|l| seq > l)
                {
                    seen.push(*seq);
                }
            }
            held += 8;
            kept.acknowledge(held);
            kept.refill();
        }
        assert_eq!(seen, (0..40).collect::<Vec<_>>());
        assert!(
            !dir.join("job-0").exists(),
            "the spill file goes once empty"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
