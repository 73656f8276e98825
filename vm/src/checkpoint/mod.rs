//! Checkpoints: a process captured at an instruction boundary as a portable `v1` document,
//! encoded as CBOR, and restored into a fresh VM on any host.
//!
//! Decoding treats the bytes as hostile: the input size is capped before parsing, parsing goes
//! into typed structs (never a generic CBOR value), and restore validates every index, pc,
//! slot and class hash before the process runs again.

mod capture;
pub mod precopy;
mod restore;
pub mod stage;
pub mod v1;

use sha2::{Digest, Sha256};
use std::sync::OnceLock;
use thiserror::Error;

/// Largest checkpoint phantom decodes by default.
pub const DEFAULT_MAX_BYTES: usize = 4 << 30;

/// A checkpoint that cannot be decoded or restored.
#[derive(Debug, Error)]
pub enum CheckpointError {
    /// The bytes are not a well-formed CBOR `v1` document.
    #[error("not a phantom checkpoint: {0}")]
    Malformed(String),
    /// The input is larger than the decoder accepts.
    #[error("checkpoint of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Input size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The document's format or version is not one this VM reads.
    #[error(
        "unsupported checkpoint format {format:?} version {version} (this VM reads {} and {} version {})",
        v1::FORMAT,
        v1::PIECE_FORMAT,
        v1::VERSION
    )]
    Unsupported {
        /// `format` found.
        format: String,
        /// `version` found.
        version: u32,
    },
    /// The checkpoint comes from a VM with another class library or version.
    #[error("checkpoint was made by an incompatible VM ({found}); this is {expected}")]
    IncompatibleVm {
        /// The VM the checkpoint names.
        found: String,
        /// This VM.
        expected: String,
    },
    /// The class path could not be read to include the application's classes.
    #[error("cannot read the class path: {0}")]
    ClassPath(String),
    /// A value in the document is inconsistent (an index out of range, a pc inside an
    /// instruction, a class whose bytes do not match its hash...).
    #[error("invalid checkpoint: {0}")]
    Invalid(String),
}

/// The compatibility key of this VM: its version and a hash of its class library.
pub fn vm_key() -> &'static str {
    static KEY: OnceLock<String> = OnceLock::new();
    KEY.get_or_init(|| {
        let mut h = Sha256::new();
        for (name, bytes) in crate::classpath::library_classes() {
            h.update(name.as_bytes());
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
        let digest = h.finalize();
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("phantom-vm {} library {hex}", env!("CARGO_PKG_VERSION"))
    })
}

/// A CBOR decoding error in a sentence.
fn describe(e: ciborium::de::Error<std::io::Error>) -> String {
    use ciborium::de::Error;
    match e {
        Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the document is truncated".to_string()
        }
        Error::Io(io) => io.to_string(),
        Error::Syntax(at) => format!("malformed CBOR at byte {at}"),
        Error::Semantic(Some(at), what) => format!("{what} (at byte {at})"),
        Error::Semantic(None, what) => what,
        Error::RecursionLimitExceeded => "the document is nested too deeply".to_string(),
    }
}

/// Encodes a checkpoint as CBOR.
pub fn encode(c: &v1::Checkpoint) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::into_writer(c, &mut out).expect("writing CBOR into a Vec cannot fail");
    out
}

/// A class file by its SHA-256.
pub type ClassBytes = ([u8; 32], Vec<u8>);

/// Takes the application class bytes out of a checkpoint, leaving their names and hashes: a
/// migration sends the bytes separately, and only those the target lacks. Returns each
/// class's SHA-256 with its bytes, in the document's order.
pub fn take_class_bytes(c: &mut v1::Checkpoint) -> Vec<([u8; 32], Vec<u8>)> {
    take_bytes(
        c.classes.iter_mut().map(|c| &mut c.kind),
        &mut c.class_files,
    )
}

/// [`take_class_bytes`] for a pre-copy piece.
pub fn take_piece_class_bytes(p: &mut v1::Piece) -> Vec<([u8; 32], Vec<u8>)> {
    take_bytes(p.classes.iter_mut(), &mut p.class_files)
}

fn take_bytes<'a>(
    classes: impl Iterator<Item = &'a mut v1::ClassKind>,
    files: &mut [v1::ClassFile],
) -> Vec<([u8; 32], Vec<u8>)> {
    let mut out = Vec::new();
    let mut take = |sha256: &serde_bytes::ByteBuf, bytes: &mut serde_bytes::ByteBuf| {
        if let Ok(hash) = <[u8; 32]>::try_from(sha256.as_slice()) {
            out.push((hash, std::mem::take(bytes).into_vec()));
        }
    };
    for kind in classes {
        if let v1::ClassKind::Application { sha256, bytes, .. } = kind {
            take(sha256, bytes);
        }
    }
    for f in files {
        take(&f.sha256, &mut f.bytes);
    }
    out
}

/// Puts application class bytes back into a checkpoint whose bytes were taken out, looking
/// each up by its SHA-256. Restore checks every hash against the bytes, as always. The error
/// names a class the lookup lacks.
pub fn fill_class_bytes(
    c: &mut v1::Checkpoint,
    lookup: impl Fn(&[u8; 32]) -> Option<std::sync::Arc<[u8]>>,
) -> Result<(), CheckpointError> {
    fill_bytes(
        c.classes.iter_mut().map(|c| &mut c.kind),
        &mut c.class_files,
        lookup,
    )
}

/// [`fill_class_bytes`] for a pre-copy piece.
pub fn fill_piece_class_bytes(
    p: &mut v1::Piece,
    lookup: impl Fn(&[u8; 32]) -> Option<std::sync::Arc<[u8]>>,
) -> Result<(), CheckpointError> {
    fill_bytes(p.classes.iter_mut(), &mut p.class_files, lookup)
}

fn fill_bytes<'a>(
    classes: impl Iterator<Item = &'a mut v1::ClassKind>,
    files: &mut [v1::ClassFile],
    lookup: impl Fn(&[u8; 32]) -> Option<std::sync::Arc<[u8]>>,
) -> Result<(), CheckpointError> {
    let fill = |name: &str, sha256: &serde_bytes::ByteBuf, bytes: &mut serde_bytes::ByteBuf| {
        if !bytes.is_empty() {
            return Ok(());
        }
        let found = <[u8; 32]>::try_from(sha256.as_slice())
            .ok()
            .and_then(|h| lookup(&h))
            .ok_or_else(|| {
                CheckpointError::Invalid(format!("the bytes of class {name} are missing"))
            })?;
        *bytes = serde_bytes::ByteBuf::from(found.to_vec());
        Ok(())
    };
    for kind in classes {
        if let v1::ClassKind::Application {
            name,
            sha256,
            bytes,
        } = kind
        {
            fill(name, sha256, bytes)?;
        }
    }
    for f in files {
        fill(&f.name, &f.sha256, &mut f.bytes)?;
    }
    Ok(())
}

/// Decodes a checkpoint from CBOR, refusing inputs over `max_bytes` and documents of another
/// format, version or VM. Structural validation happens at restore.
pub fn decode(bytes: &[u8], max_bytes: usize) -> Result<v1::Checkpoint, CheckpointError> {
    if bytes.len() > max_bytes {
        return Err(CheckpointError::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    let c: v1::Checkpoint =
        ciborium::from_reader(bytes).map_err(|e| CheckpointError::Malformed(describe(e)))?;
    if c.format != v1::FORMAT || c.version != v1::VERSION {
        return Err(CheckpointError::Unsupported {
            format: c.format,
            version: c.version,
        });
    }
    if c.vm != vm_key() {
        return Err(CheckpointError::IncompatibleVm {
            found: c.vm,
            expected: vm_key().to_string(),
        });
    }
    Ok(c)
}

/// Encodes a pre-copy piece as CBOR.
pub fn encode_piece(p: &v1::Piece) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::into_writer(p, &mut out).expect("writing CBOR into a Vec cannot fail");
    out
}

/// Decodes a pre-copy piece from CBOR, refusing inputs over `max_bytes` and pieces of another
/// format, version or VM. Its contents are checked as it is applied (`stage::Staging`).
pub fn decode_piece(bytes: &[u8], max_bytes: usize) -> Result<v1::Piece, CheckpointError> {
    if bytes.len() > max_bytes {
        return Err(CheckpointError::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    let p: v1::Piece =
        ciborium::from_reader(bytes).map_err(|e| CheckpointError::Malformed(describe(e)))?;
    if p.format != v1::PIECE_FORMAT || p.version != v1::VERSION {
        return Err(CheckpointError::Unsupported {
            format: p.format,
            version: p.version,
        });
    }
    if p.vm != vm_key() {
        return Err(CheckpointError::IncompatibleVm {
            found: p.vm,
            expected: vm_key().to_string(),
        });
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(bytes: &[u8]) -> String {
        match decode(bytes, 1 << 20) {
            Ok(_) => panic!("decoded a hostile document"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn hostile_documents_are_refused_cheaply() {
        // A text string and an array claiming 2^62 bytes and elements: no allocation follows.
        let mut huge_text = vec![0xa1, 0x66];
        huge_text.extend(b"format");
        huge_text.push(0x7b);
        huge_text.extend((1u64 << 62).to_be_bytes());
        assert!(refused(&huge_text).contains("truncated"));
        let mut huge_array = vec![0xa1, 0x67];
        huge_array.extend(b"classes");
        huge_array.push(0x9b);
        huge_array.extend((1u64 << 62).to_be_bytes());
        assert!(refused(&huge_array).contains("truncated"));
        // Deep nesting stops at the decoder's recursion limit or the type check.
        assert!(refused(&[0x81; 100_000]).contains("not a phantom checkpoint"));
        assert!(refused(b"").contains("truncated"));
        assert!(refused(&[0u8; (1 << 20) + 1]).contains("exceeds the limit"));
    }

    #[test]
    fn other_formats_versions_and_vms_are_named_in_the_refusal() {
        let mut c = v1::Checkpoint {
            format: v1::FORMAT.to_string(),
            version: 2,
            vm: vm_key().to_string(),
            executed: 0,
            current_thread: 0,
            quantum_left: 0,
            hash_state: 0,
            clock: 0,
            classes: Vec::new(),
            class_files: Vec::new(),
            sites: Vec::new(),
            heap: v1::Heap::default(),
            interned: serde_bytes::ByteBuf::new(),
            threads: Vec::new(),
            monitors: Vec::new(),
            launch: None,
            files: Vec::new(),
            stdin_consumed: 0,
        };
        assert!(refused(&encode(&c)).contains("version 2"));
        c.version = v1::VERSION;
        c.vm = "phantom-vm 0.0.1 library 0000".to_string();
        assert!(refused(&encode(&c)).contains("incompatible VM (phantom-vm 0.0.1"));
        c.vm = vm_key().to_string();
        assert!(decode(&encode(&c), 1 << 20).is_ok());
    }
}
