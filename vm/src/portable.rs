//! Fixed byte order for primitive data that leaves the VM (checkpoints, class bytes on the
//! wire): little-endian on every host, so a document written on s390x reads the same on x86_64.
//!
//! Each element type is encoded by its arithmetic value (integers) or its bit pattern
//! (floats, so every NaN payload survives), never by copying host memory.

use thiserror::Error;

/// A byte string whose length does not fit the element type it should hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("{len} bytes is not a whole number of {elem_size}-byte elements")]
pub struct RaggedBytes {
    /// Length of the byte string.
    pub len: usize,
    /// Size in bytes of one element.
    pub elem_size: usize,
}

/// A primitive element with a fixed little-endian encoding.
pub trait Portable: Copy {
    /// Encoded size of one element in bytes.
    const SIZE: usize;
    /// Appends the element's encoding to `out`.
    fn put(self, out: &mut Vec<u8>);
    /// Decodes one element from exactly `SIZE` bytes.
    fn take(bytes: &[u8]) -> Self;
}

macro_rules! portable_int {
    ($($t:ty),*) => {$(
        impl Portable for $t {
            const SIZE: usize = size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn take(bytes: &[u8]) -> Self {
                let mut raw = [0u8; size_of::<$t>()];
                raw.copy_from_slice(bytes);
                <$t>::from_le_bytes(raw)
            }
        }
    )*};
}
portable_int!(i8, u16, i16, i32, u32, i64);

impl Portable for f32 {
    const SIZE: usize = 4;
    fn put(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_bits().to_le_bytes());
    }
    fn take(bytes: &[u8]) -> Self {
        f32::from_bits(u32::take(bytes))
    }
}

impl Portable for f64 {
    const SIZE: usize = 8;
    fn put(self, out: &mut Vec<u8>) {
        (self.to_bits() as i64).put(out);
    }
    fn take(bytes: &[u8]) -> Self {
        f64::from_bits(i64::take(bytes) as u64)
    }
}

/// Encodes a slice of primitives as one byte string in phantom's fixed byte order.
pub fn encode<T: Portable>(items: &[T]) -> Vec<u8> {
    let mut out = Vec::new();
    encode_into(items, &mut out);
    out
}

/// Appends the encoding of a slice of primitives to `out`; returns the number of elements.
pub fn encode_into<T: Portable>(items: &[T], out: &mut Vec<u8>) -> usize {
    out.reserve(items.len() * T::SIZE);
    for &item in items {
        item.put(out);
    }
    items.len()
}

/// Decodes a byte string written by [`encode`]; its length must be a whole number of elements.
pub fn decode<T: Portable>(bytes: &[u8]) -> Result<Vec<T>, RaggedBytes> {
    if !bytes.len().is_multiple_of(T::SIZE) {
        return Err(RaggedBytes {
            len: bytes.len(),
            elem_size: T::SIZE,
        });
    }
    Ok(bytes.chunks_exact(T::SIZE).map(T::take).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_are_little_endian_on_every_host() {
        assert_eq!(
            encode(&[0x0102_0304i32, -1]),
            [4, 3, 2, 1, 0xff, 0xff, 0xff, 0xff]
        );
        assert_eq!(encode(&[0x0102u16]), [2, 1]);
        assert_eq!(
            encode(&[-2i64]),
            [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
        );
    }

    #[test]
    fn float_bits_survive_exactly() {
        let odd_nan = f64::from_bits(0x7ff0_0000_dead_beef);
        let values = [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            odd_nan,
            f64::MIN_POSITIVE / 4.0,
        ];
        let back: Vec<f64> = decode(&encode(&values)).expect("whole elements");
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back), bits(&values));
        assert_eq!(encode(&[1.0f32]), [0, 0, 0x80, 0x3f]);
        let snan = f32::from_bits(0x7f80_0001);
        let back: Vec<f32> = decode(&encode(&[snan])).expect("whole elements");
        assert_eq!(back[0].to_bits(), 0x7f80_0001);
    }

    #[test]
    fn ragged_input_is_an_error() {
        assert_eq!(
            decode::<i32>(&[1, 2, 3]),
            Err(RaggedBytes {
                len: 3,
                elem_size: 4
            })
        );
    }
}
