//! The sans-IO frame decoder: byte-by-byte splits, limits, truncation.

use phantom_transport::frame::{self, FrameDecoder, FrameError, HEADER_LEN};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Msg {
    id: u32,
    name: String,
    #[serde(with = "serde_bytes")]
    data: Vec<u8>,
}

fn messages() -> Vec<Msg> {
    vec![
        Msg {
            id: 1,
            name: "offer".into(),
            data: vec![],
        },
        Msg {
            id: 2,
            name: "chunk".into(),
            data: (0..=255).collect(),
        },
        Msg {
            id: 0xdead_beef,
            name: String::new(),
            data: vec![7; 3],
        },
    ]
}

fn stream() -> Vec<u8> {
    messages()
        .iter()
        .flat_map(|m| frame::encode(m).expect("test messages encode"))
        .collect()
}

fn drain(decoder: &mut FrameDecoder, out: &mut Vec<Msg>) {
    while let Some(payload) = decoder.next_frame().expect("frames are within the limit") {
        out.push(frame::decode(&payload).expect("frames decode"));
    }
}

#[test]
fn split_at_every_byte_boundary() {
    let bytes = stream();
    for cut in 0..=bytes.len() {
        let mut decoder = FrameDecoder::new(1024);
        let mut out = Vec::new();
        decoder.push(&bytes[..cut]);
        drain(&mut decoder, &mut out);
        decoder.push(&bytes[cut..]);
        drain(&mut decoder, &mut out);
        assert_eq!(out, messages(), "cut at {cut}");
        assert_eq!(decoder.buffered(), 0);
        decoder.finish().expect("input ended between frames");
    }
}

#[test]
fn one_byte_at_a_time() {
    let bytes = stream();
    let mut decoder = FrameDecoder::new(1024);
    let mut out = Vec::new();
    for b in &bytes {
        decoder.push(std::slice::from_ref(b));
        drain(&mut decoder, &mut out);
    }
    assert_eq!(out, messages());
}

#[test]
fn oversized_length_rejected_from_prefix_alone() {
    let mut decoder = FrameDecoder::new(100);
    // Only the prefix: a 101-byte frame is refused before any payload arrives.
    decoder.push(&101u32.to_be_bytes());
    match decoder.next_frame() {
        Err(FrameError::Oversized {
            len: 101,
            limit: 100,
        }) => {}
        other => panic!("expected oversized, got {other:?}"),
    }
    let mut decoder = FrameDecoder::new(100);
    decoder.push(&u32::MAX.to_be_bytes());
    let err = decoder
        .next_frame()
        .expect_err("4 GiB frame is over the limit");
    assert_eq!(
        err.to_string(),
        "oversized frame: 4294967295 bytes announced, limit is 100"
    );
    // Exactly at the limit is fine.
    let mut decoder = FrameDecoder::new(3);
    decoder.push(&frame::encode(&"hi").expect("encodes"));
    assert!(decoder.next_frame().expect("at the limit").is_some());
}

#[test]
fn truncated_input_reported_at_finish() {
    let bytes = frame::encode(&messages()[1]).expect("encodes");
    for cut in 1..bytes.len() {
        let mut decoder = FrameDecoder::new(1024);
        decoder.push(&bytes[..cut]);
        assert!(
            decoder.next_frame().expect("within limit").is_none(),
            "cut {cut}"
        );
        match decoder.finish() {
            Err(FrameError::Truncated { expected, got }) => {
                assert_eq!(got, cut);
                let want = if cut < HEADER_LEN {
                    HEADER_LEN
                } else {
                    bytes.len()
                };
                assert_eq!(expected, want, "cut {cut}");
            }
            other => panic!("cut {cut}: expected truncated, got {other:?}"),
        }
    }
}

#[test]
fn garbage_payload_is_a_decode_error_with_text() {
    let err = frame::decode::<Msg>(&[0xff, 0x00]).expect_err("not CBOR for Msg");
    assert!(matches!(err, FrameError::Decode(_)), "{err:?}");
    assert!(
        err.to_string().starts_with("CBOR decoding failed: "),
        "{err}"
    );
}
