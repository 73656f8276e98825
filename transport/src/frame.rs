//! Length-prefixed CBOR framing of protocol messages, with size limits.
//!
//! A frame is a `u32` big-endian payload length followed by that many bytes of CBOR (one value).
//! The core ([`encode`], [`decode`], [`FrameDecoder`]) does no I/O, so it is tested byte by byte;
//! [`write_message`] and [`read_message`] apply it to quinn streams. Every reader states a
//! maximum payload length, checked against the prefix before anything is allocated, so a peer
//! cannot make us reserve memory by announcing a huge frame.

use std::io::Cursor;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Bytes in the length prefix.
pub const HEADER_LEN: usize = 4;

/// What went wrong framing or unframing a message.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// A frame announced a payload longer than the reader's limit.
    #[error("oversized frame: {len} bytes announced, limit is {limit}")]
    Oversized {
        /// The announced payload length.
        len: u64,
        /// The reader's limit.
        limit: usize,
    },
    /// The input ended inside a frame.
    #[error("truncated frame: input ended after {got} of {expected} bytes")]
    Truncated {
        /// Bytes the frame needed (prefix included).
        expected: usize,
        /// Bytes that arrived.
        got: usize,
    },
    /// The message could not be serialised to CBOR.
    #[error("CBOR encoding failed: {0}")]
    Encode(String),
    /// The payload is not valid CBOR for the expected message type.
    #[error("CBOR decoding failed: {0}")]
    Decode(String),
    /// The payload holds more bytes after its one CBOR value.
    #[error("{0} trailing bytes after the CBOR value in a frame")]
    TrailingBytes(usize),
    /// Reading from the QUIC stream failed.
    #[error("reading frame: {}", with_cause(.0))]
    Read(#[from] quinn::ReadError),
    /// Writing to the QUIC stream failed.
    #[error("writing frame: {}", with_cause(.0))]
    Write(#[from] quinn::WriteError),
}

/// An error's text followed by its causes': quinn's "connection lost" alone would hide why
/// (a refused certificate, a timeout, ...).
fn with_cause(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Encodes `msg` as one frame: length prefix and CBOR payload.
pub fn encode<T: Serialize>(msg: &T) -> Result<Vec<u8>, FrameError> {
    let mut out = vec![0u8; HEADER_LEN];
    ciborium::into_writer(msg, &mut out).map_err(|e| FrameError::Encode(e.to_string()))?;
    let payload_len = out.len() - HEADER_LEN;
    let prefix = u32::try_from(payload_len).map_err(|_| FrameError::Oversized {
        len: payload_len as u64,
        limit: u32::MAX as usize,
    })?;
    out[..HEADER_LEN].copy_from_slice(&prefix.to_be_bytes());
    Ok(out)
}

/// Decodes one frame's payload (without prefix) as a `T`; the payload must be exactly one CBOR
/// value.
pub fn decode<T: DeserializeOwned>(payload: &[u8]) -> Result<T, FrameError> {
    let mut cursor = Cursor::new(payload);
    let value =
        ciborium::from_reader(&mut cursor).map_err(|e| FrameError::Decode(e.to_string()))?;
    let used = usize::try_from(cursor.position()).unwrap_or(payload.len());
    if used < payload.len() {
        return Err(FrameError::TrailingBytes(payload.len() - used));
    }
    Ok(value)
}

/// Splits a byte stream into frame payloads. Feed it bytes as they arrive with
/// [`push`](Self::push) and take whole payloads with [`next_frame`](Self::next_frame), which
/// returns `Ok(None)` while a frame is still incomplete.
#[derive(Debug)]
pub struct FrameDecoder {
    buf: Vec<u8>,
    /// Start of the unconsumed bytes in `buf`: consumed frames are dropped lazily, so taking
    /// many small frames out of one large push is not quadratic.
    start: usize,
    max_len: usize,
}

impl FrameDecoder {
    /// A decoder accepting payloads of at most `max_len` bytes.
    pub fn new(max_len: usize) -> FrameDecoder {
        FrameDecoder {
            buf: Vec::new(),
            start: 0,
            max_len,
        }
    }

    /// Appends received bytes.
    pub fn push(&mut self, bytes: &[u8]) {
        if self.start > 0 && self.start >= self.buf.len() / 2 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        self.buf.extend_from_slice(bytes);
    }

    /// The next whole payload, `Ok(None)` if more bytes are needed, or an error if the pending
    /// frame announces more than the limit (the decoder stays in that state: drop the stream).
    pub fn next_frame(&mut self) -> Result<Option<Vec<u8>>, FrameError> {
        let pending = &self.buf[self.start..];
        let Some(len) = self.pending_len()? else {
            return Ok(None);
        };
        if pending.len() < HEADER_LEN + len {
            return Ok(None);
        }
        let payload = pending[HEADER_LEN..HEADER_LEN + len].to_vec();
        self.start += HEADER_LEN + len;
        Ok(Some(payload))
    }

    /// Bytes received but not yet returned as frames.
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.start
    }

    /// Call at end of input: an error if it ended inside a frame.
    pub fn finish(&self) -> Result<(), FrameError> {
        let got = self.buffered();
        if got == 0 {
            return Ok(());
        }
        let expected = match self.pending_len()? {
            Some(len) => HEADER_LEN + len,
            None => HEADER_LEN,
        };
        Err(FrameError::Truncated { expected, got })
    }

    /// The announced payload length of the pending frame, once its prefix has arrived.
    fn pending_len(&self) -> Result<Option<usize>, FrameError> {
        let pending = &self.buf[self.start..];
        let Some(prefix) = pending.first_chunk::<HEADER_LEN>() else {
            return Ok(None);
        };
        checked_len(u32::from_be_bytes(*prefix), self.max_len).map(Some)
    }
}

fn checked_len(announced: u32, limit: usize) -> Result<usize, FrameError> {
    match usize::try_from(announced) {
        Ok(len) if len <= limit => Ok(len),
        _ => Err(FrameError::Oversized {
            len: u64::from(announced),
            limit,
        }),
    }
}

/// Writes `msg` as one frame to `stream`.
pub async fn write_message<T: Serialize>(
    stream: &mut quinn::SendStream,
    msg: &T,
) -> Result<(), FrameError> {
    let frame = encode(msg)?;
    stream.write_all(&frame).await?;
    Ok(())
}

/// Reads one frame of at most `max_len` payload bytes from `stream` and decodes it. `Ok(None)`
/// when the stream ends cleanly before a new frame; an error when it ends inside one.
pub async fn read_message<T: DeserializeOwned>(
    stream: &mut quinn::RecvStream,
    max_len: usize,
) -> Result<Option<T>, FrameError> {
    let mut prefix = [0u8; HEADER_LEN];
    match stream.read_exact(&mut prefix).await {
        Ok(()) => {}
        Err(quinn::ReadExactError::FinishedEarly(0)) => return Ok(None),
        Err(quinn::ReadExactError::FinishedEarly(got)) => {
            return Err(FrameError::Truncated {
                expected: HEADER_LEN,
                got,
            });
        }
        Err(quinn::ReadExactError::ReadError(e)) => return Err(e.into()),
    }
    // Checked before the buffer below is allocated.
    let len = checked_len(u32::from_be_bytes(prefix), max_len)?;
    let mut payload = vec![0u8; len];
    match stream.read_exact(&mut payload).await {
        Ok(()) => {}
        Err(quinn::ReadExactError::FinishedEarly(got)) => {
            return Err(FrameError::Truncated {
                expected: HEADER_LEN + len,
                got: HEADER_LEN + got,
            });
        }
        Err(quinn::ReadExactError::ReadError(e)) => return Err(e.into()),
    }
    decode(&payload).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_prefixes_big_endian_length() {
        let frame = encode(&"hi").expect("a string encodes");
        // CBOR "hi" is 0x62 'h' 'i'.
        assert_eq!(frame, [0, 0, 0, 3, 0x62, b'h', b'i']);
    }

    #[test]
    fn trailing_bytes_rejected() {
        let err = decode::<u8>(&[0x01, 0x02]).expect_err("two values in one payload");
        assert!(matches!(err, FrameError::TrailingBytes(1)), "{err}");
    }
}
