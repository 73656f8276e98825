//! Unicode properties of code points exactly as HotSpot 17's `java.lang.Character` reports them
//! (Unicode 13.0), looked up in the tables that scripts/gen-unicode-tables generates from HotSpot.
//!
//! Every function takes any `int`, as the Java methods do: a value that is no code point (negative
//! or above U+10FFFF) is unassigned, maps to itself and has no property, again as in HotSpot.

use super::unicode_tables::{
    DIGITS, FLAGS, LOWER_DELTAS, NUMERICS, RUN_RECORDS, RUN_STARTS, TITLE_DELTAS, TYPES,
    UPPER_DELTAS,
};

/// The largest code point, `Character.MAX_CODE_POINT`.
const MAX_CODE_POINT: i32 = 0x10FFFF;

/// `FLAGS` bits (see unicode_tables.rs).
const ALPHABETIC: u8 = 1;
const IDEOGRAPHIC: u8 = 2;
const WHITESPACE: u8 = 4;
const MIRRORED: u8 = 8;
const DIGIT_IS_OFFSET: u8 = 16;
const NUMERIC_IS_OFFSET: u8 = 32;

/// The index of `cp`'s record in the per-record tables, or `None` for a value that is no code
/// point.
fn record(cp: i32) -> Option<usize> {
    if !(0..=MAX_CODE_POINT).contains(&cp) {
        return None;
    }
    let cp = cp as u32;
    // RUN_STARTS begins with 0, so at least one run starts at or before any code point.
    let run = RUN_STARTS.partition_point(|&start| start <= cp) - 1;
    Some(usize::from(RUN_RECORDS[run]))
}

fn has_flag(cp: i32, flag: u8) -> bool {
    record(cp).is_some_and(|r| FLAGS[r] & flag != 0)
}

/// `Character.getType(cp)`: the general category as one of `Character`'s constants.
pub(super) fn java_type(cp: i32) -> i32 {
    record(cp).map_or(0, |r| i32::from(TYPES[r]))
}

/// `Character.toLowerCase(cp)`: the simple (one code point) lower-case mapping.
pub(super) fn to_lower(cp: i32) -> i32 {
    record(cp).map_or(cp, |r| cp + LOWER_DELTAS[r])
}

/// `Character.toUpperCase(cp)`: the simple (one code point) upper-case mapping.
pub(super) fn to_upper(cp: i32) -> i32 {
    record(cp).map_or(cp, |r| cp + UPPER_DELTAS[r])
}

/// `Character.toTitleCase(cp)`: the simple (one code point) title-case mapping.
pub(super) fn to_title(cp: i32) -> i32 {
    record(cp).map_or(cp, |r| cp + TITLE_DELTAS[r])
}

/// `Character.digit(cp, radix)`: the value of `cp` as a digit in `radix`, or -1.
pub(super) fn digit(cp: i32, radix: i32) -> i32 {
    if !(2..=36).contains(&radix) {
        return -1;
    }
    // HotSpot's value does not depend on the radix, only whether it is small enough does:
    // UnicodeDump checks that for every code point and radix.
    match record(cp) {
        Some(r) if FLAGS[r] & DIGIT_IS_OFFSET != 0 => {
            let value = cp + DIGITS[r];
            if value < radix { value } else { -1 }
        }
        _ => -1,
    }
}

/// `Character.getNumericValue(cp)`: the non-negative integer value, -1 for none, or -2 for a
/// value that is no non-negative integer (fractions, for instance).
pub(super) fn numeric_value(cp: i32) -> i32 {
    match record(cp) {
        Some(r) if FLAGS[r] & NUMERIC_IS_OFFSET != 0 => cp + NUMERICS[r],
        Some(r) => NUMERICS[r],
        None => -1,
    }
}

/// `Character.isAlphabetic(cp)`.
pub(super) fn is_alphabetic(cp: i32) -> bool {
    has_flag(cp, ALPHABETIC)
}

/// `Character.isIdeographic(cp)`.
pub(super) fn is_ideographic(cp: i32) -> bool {
    has_flag(cp, IDEOGRAPHIC)
}

/// `Character.isWhitespace(cp)`: Java's own notion, not Unicode's White_Space.
pub(super) fn is_whitespace(cp: i32) -> bool {
    has_flag(cp, WHITESPACE)
}

/// `Character.isMirrored(cp)`.
pub(super) fn is_mirrored(cp: i32) -> bool {
    has_flag(cp, MIRRORED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};
    use std::process::Command;

    #[test]
    fn tables_are_well_formed() {
        assert_eq!(
            RUN_STARTS.first(),
            Some(&0),
            "the first run starts at U+0000"
        );
        assert!(
            RUN_STARTS.windows(2).all(|w| w[0] < w[1]),
            "run starts ascend"
        );
        assert!(
            RUN_STARTS.iter().all(|&s| s <= MAX_CODE_POINT as u32),
            "runs start at code points"
        );
        assert!(
            RUN_RECORDS.iter().all(|&r| usize::from(r) < TYPES.len()),
            "runs name existing records"
        );
    }

    /// Values that the approximations these tables replaced got wrong.
    #[test]
    fn known_cases() {
        assert!(
            !is_alphabetic(0x0363),
            "COMBINING LATIN SMALL LETTER A: not before Unicode 14"
        );
        assert!(is_mirrored(0x0F3A), "TIBETAN MARK GUG RTAGS GYON");
        assert_eq!(to_title(0x01C6), 0x01C5, "dž titles as Dž");
        assert_eq!(to_upper(0x01C6), 0x01C4);
        assert_eq!(to_lower(0x0130), 0x69, "İ lowers to i");
        assert_eq!(
            to_upper(0x019B),
            0x019B,
            "ƛ has no upper case before Unicode 16"
        );
        assert_eq!(
            digit(0x1D7D8, 10),
            0,
            "MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO"
        );
        assert_eq!(digit(0x1D7E1, 10), 9);
        assert_eq!(digit(0x1D7E1, 9), -1);
        assert_eq!(digit(0xFF21, 11), 10, "FULLWIDTH LATIN CAPITAL LETTER A");
        assert_eq!(digit(0x0660, 1), -1, "radix below MIN_RADIX");
        assert_eq!(numeric_value(0x216B), 12, "ROMAN NUMERAL TWELVE");
        assert_eq!(numeric_value(0x00BD), -2, "VULGAR FRACTION ONE HALF");
        assert_eq!(numeric_value(0x4E00), -1);
        assert_eq!(java_type(0x1F600), 28, "emoji are OTHER_SYMBOL");
        assert_eq!(java_type(-1), 0);
        assert_eq!(to_lower(0x110000), 0x110000);
        assert!(
            !is_whitespace(0x00A0),
            "no-break space is not Java whitespace"
        );
        assert!(is_whitespace(0x2028));
        assert!(is_ideographic(0x4E00));
    }

    /// A temporary folder, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new() -> TempDir {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("clock after 1970")
                .as_nanos();
            let dir = std::env::temp_dir()
                .join(format!("phantom-unicode-{}-{nanos}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("create temp dir");
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Runs `cmd` and returns its standard output; panics, naming the missing JDK, if it cannot
    /// run or fails.
    fn run(cmd: &mut Command) -> Vec<u8> {
        let program = cmd.get_program().to_string_lossy().into_owned();
        let output = cmd.output().unwrap_or_else(|e| {
            panic!(
                "cannot run `{program}` ({e}); the HotSpot comparison needs a JDK 17 `java` and `javac` on PATH"
            )
        });
        assert!(
            output.status.success(),
            "`{program}` failed: {}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        output.stdout
    }

    /// HotSpot's binary dump (see UnicodeDump.java): its Java version and its records.
    fn hotspot_dump(dir: &Path) -> (String, Vec<u8>) {
        let source = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/UnicodeDump.java");
        run(Command::new("javac").arg("-d").arg(dir).arg(source));
        let mut out = run(Command::new("java")
            .arg("-cp")
            .arg(dir)
            .arg("UnicodeDump")
            .arg("binary"));
        assert!(out.len() >= 2, "the dump starts with the Java version");
        let len = usize::from(u16::from_be_bytes([out[0], out[1]]));
        let version = String::from_utf8_lossy(&out[2..2 + len]).into_owned();
        out.drain(..2 + len);
        (version, out)
    }

    /// One record of the dump.
    #[derive(Debug, PartialEq)]
    struct Props {
        java_type: i32,
        alphabetic: bool,
        ideographic: bool,
        whitespace: bool,
        mirrored: bool,
        lower: i32,
        upper: i32,
        title: i32,
        digit: i32,
        numeric: i32,
    }

    const RECORD_LEN: usize = 19;

    impl Props {
        fn parse(b: &[u8]) -> Props {
            let int = |at: usize| i32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
            Props {
                java_type: i32::from(b[0]),
                alphabetic: b[1] & 1 != 0,
                ideographic: b[1] & 2 != 0,
                whitespace: b[1] & 4 != 0,
                mirrored: b[1] & 8 != 0,
                lower: int(2),
                upper: int(6),
                title: int(10),
                digit: i32::from(b[14] as i8),
                numeric: int(15),
            }
        }

        fn of(cp: i32) -> Props {
            Props {
                java_type: java_type(cp),
                alphabetic: is_alphabetic(cp),
                ideographic: is_ideographic(cp),
                whitespace: is_whitespace(cp),
                mirrored: is_mirrored(cp),
                lower: to_lower(cp),
                upper: to_upper(cp),
                title: to_title(cp),
                digit: digit(cp, 36),
                numeric: numeric_value(cp),
            }
        }
    }

    /// Every property of every code point (and of a few values beyond them) against HotSpot.
    #[test]
    fn matches_hotspot_for_every_code_point() {
        let dir = TempDir::new();
        let (version, dump) = hotspot_dump(&dir.0);
        assert_eq!(version, "17", "the tables describe Java 17's Character");
        let out_of_range = [-1, MAX_CODE_POINT + 1, i32::MIN, i32::MAX];
        let code_points: Vec<i32> = (0..=MAX_CODE_POINT).chain(out_of_range).collect();
        assert_eq!(
            dump.len(),
            code_points.len() * RECORD_LEN,
            "one record per code point"
        );
        let mut mismatches = 0;
        let mut report = String::new();
        for (&cp, record) in code_points.iter().zip(dump.chunks_exact(RECORD_LEN)) {
            let want = Props::parse(record);
            let got = Props::of(cp);
            // The radix only decides whether the value counts: check the radixes on either side
            // of it, and one outside MIN_RADIX..=MAX_RADIX.
            let radix_ok = digit(cp, 37) == -1
                && (want.digit < 2 || digit(cp, want.digit) == -1)
                && (want.digit < 0
                    || want.digit > 35
                    || digit(cp, (want.digit + 1).max(2)) == want.digit);
            if got != want || !radix_ok {
                mismatches += 1;
                if mismatches <= 20 {
                    report += &format!(
                        "U+{cp:04X}: HotSpot {want:?}\n        phantom {got:?}, radixes ok: {radix_ok}\n"
                    );
                }
            }
        }
        assert!(
            mismatches == 0,
            "{mismatches} of {} code points differ from HotSpot; the first ones:\n{report}",
            code_points.len()
        );
    }
}
