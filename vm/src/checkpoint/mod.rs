//! Checkpoints: a process captured at an instruction boundary as a portable `v1` document,
//! encoded as CBOR, and restored into a fresh VM on any host.
//!
//! Decoding treats the bytes as hostile: the input size is capped before parsing, parsing goes
//! into typed structs (never a generic CBOR value), and restore validates every index, pc,
//! slot and class hash before the process runs again.

mod capture;
mod restore;
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
        "unsupported checkpoint format {format:?} version {version} (this VM reads {} version {})",
        v1::FORMAT,
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

/// Encodes a checkpoint as CBOR.
pub fn encode(c: &v1::Checkpoint) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::into_writer(c, &mut out).expect("writing CBOR into a Vec cannot fail");
    out
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
        ciborium::from_reader(bytes).map_err(|e| CheckpointError::Malformed(e.to_string()))?;
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
