import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dumps what HotSpot's java.lang.Character says about every code point, for phantom's Character
 * natives (vm/src/natives/unicode.rs).
 *
 * <p>Usage: {@code java UnicodeDump binary} or {@code java UnicodeDump rust}.
 *
 * <p>{@code binary} writes the Java specification version (DataOutput.writeUTF), then one
 * 19-byte big-endian record per code point 0..=0x10FFFF, then one per code point of
 * {@link #OUT_OF_RANGE} in that order: getType (byte), flags (byte: 1 isAlphabetic,
 * 2 isIdeographic, 4 isWhitespace, 8 isMirrored), toLowerCase, toUpperCase, toTitleCase (ints),
 * digit(cp, 36) (byte), getNumericValue (int). The format is binary because unicode.rs's test
 * reads it in a debug build under qemu.
 *
 * <p>{@code rust} writes vm/src/natives/unicode_tables.rs (before rustfmt): the same properties
 * as runs of code points sharing one record, where case mappings are deltas from the code point
 * and digit and numeric values are either constants or offsets from it.
 *
 * <p>Either way it first checks that digit(cp, radix) is digit(cp, 36) when that is below the
 * radix and -1 otherwise, for every radix, which lets the dump and the tables keep radix 36 only.
 */
public class UnicodeDump {
    private static final int MAX = Character.MAX_CODE_POINT;
    private static final int[] OUT_OF_RANGE = {-1, MAX + 1, Integer.MIN_VALUE, Integer.MAX_VALUE};

    /** Flags of a record in the Rust tables beyond the four of the binary dump. */
    private static final int DIGIT_IS_OFFSET = 16;
    private static final int NUMERIC_IS_OFFSET = 32;

    public static void main(String[] args) throws IOException {
        checkRadixes();
        if (args.length == 1 && args[0].equals("binary")) {
            dumpBinary();
        } else if (args.length == 1 && args[0].equals("rust")) {
            dumpRust();
        } else {
            System.err.println("usage: java UnicodeDump binary|rust");
            System.exit(2);
        }
    }

    private static void checkRadixes() {
        for (int cp = -1; cp <= MAX + 1; cp++) {
            int d36 = Character.digit(cp, 36);
            for (int radix = -1; radix <= 40; radix++) {
                boolean valid = radix >= Character.MIN_RADIX && radix <= Character.MAX_RADIX;
                int want = valid && d36 < radix ? d36 : -1;
                if (Character.digit(cp, radix) != want) {
                    throw new AssertionError("digit(" + cp + ", " + radix + ") is "
                            + Character.digit(cp, radix) + ", not " + want);
                }
            }
        }
    }

    private static int flags(int cp) {
        return (Character.isAlphabetic(cp) ? 1 : 0)
                | (Character.isIdeographic(cp) ? 2 : 0)
                | (Character.isWhitespace(cp) ? 4 : 0)
                | (Character.isMirrored(cp) ? 8 : 0);
    }

    private static void dumpBinary() throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(System.out, 1 << 16))) {
            out.writeUTF(System.getProperty("java.specification.version"));
            for (int cp = 0; cp <= MAX; cp++) {
                writeRecord(out, cp);
            }
            for (int cp : OUT_OF_RANGE) {
                writeRecord(out, cp);
            }
        }
    }

    private static void writeRecord(DataOutputStream out, int cp) throws IOException {
        out.writeByte(Character.getType(cp));
        out.writeByte(flags(cp));
        out.writeInt(Character.toLowerCase(cp));
        out.writeInt(Character.toUpperCase(cp));
        out.writeInt(Character.toTitleCase(cp));
        out.writeByte(Character.digit(cp, 36));
        out.writeInt(Character.getNumericValue(cp));
    }

    /**
     * The table record of a code point: type, flags, the three case deltas, digit and numeric
     * value (each an offset from the code point when non-negative, else the constant -1 or -2).
     */
    private static List<Integer> record(int cp) {
        int digit = Character.digit(cp, 36);
        int numeric = Character.getNumericValue(cp);
        int flags = flags(cp) | (digit >= 0 ? DIGIT_IS_OFFSET : 0)
                | (numeric >= 0 ? NUMERIC_IS_OFFSET : 0);
        return List.of(
                Character.getType(cp),
                flags,
                Character.toLowerCase(cp) - cp,
                Character.toUpperCase(cp) - cp,
                Character.toTitleCase(cp) - cp,
                digit >= 0 ? digit - cp : digit,
                numeric >= 0 ? numeric - cp : numeric);
    }

    private static void dumpRust() {
        Map<List<Integer>, Integer> index = new HashMap<>();
        List<List<Integer>> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> runRecords = new ArrayList<>();
        int previous = -1;
        for (int cp = 0; cp <= MAX; cp++) {
            List<Integer> r = record(cp);
            Integer i = index.get(r);
            if (i == null) {
                i = records.size();
                index.put(r, i);
                records.add(r);
            }
            if (i != previous) {
                starts.add(cp);
                runRecords.add(i);
                previous = i;
            }
        }
        if (records.size() > 0x10000) {
            throw new AssertionError(records.size() + " records do not fit in u16");
        }

        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println("//! Unicode 13.0 properties as HotSpot 17's `java.lang.Character` reports them, generated by");
        out.println("//! scripts/gen-unicode-tables from HotSpot 17 itself: do not edit by hand, run the script.");
        out.println("//!");
        out.println("//! Code points come in runs that share one record: `RUN_STARTS[i]` is the first code point of");
        out.println("//! run `i`, which lasts until the next run's start, and `RUN_RECORDS[i]` is its record. A");
        out.println("//! record's fields are the entries at its index in the other tables.");
        out.println();
        out.println("/// The first code point of each run, ascending from 0.");
        printArray(out, "RUN_STARTS", "u32", starts, true);
        out.println("/// The record of each run.");
        printArray(out, "RUN_RECORDS", "u16", runRecords, false);
        out.println("/// Per record: the general category as a `Character.getType` constant.");
        printArray(out, "TYPES", "u8", column(records, 0), false);
        out.println("/// Per record: 1 alphabetic, 2 ideographic, 4 whitespace, 8 mirrored (as `Character`'s");
        out.println("/// `is*` methods say), 16 `DIGITS` holds an offset, 32 `NUMERICS` holds an offset.");
        printArray(out, "FLAGS", "u8", column(records, 1), false);
        out.println("/// Per record: `Character.toLowerCase(cp) - cp`.");
        printArray(out, "LOWER_DELTAS", "i32", column(records, 2), false);
        out.println("/// Per record: `Character.toUpperCase(cp) - cp`.");
        printArray(out, "UPPER_DELTAS", "i32", column(records, 3), false);
        out.println("/// Per record: `Character.toTitleCase(cp) - cp`.");
        printArray(out, "TITLE_DELTAS", "i32", column(records, 4), false);
        out.println("/// Per record: `Character.digit(cp, 36) - cp` when flagged as an offset, else -1.");
        printArray(out, "DIGITS", "i32", column(records, 5), false);
        out.println("/// Per record: `Character.getNumericValue(cp) - cp` when flagged as an offset, else the");
        out.println("/// value itself (-1 for none, -2 for one that is not a non-negative integer).");
        printArray(out, "NUMERICS", "i32", column(records, 6), false);
        out.flush();
    }

    private static List<Integer> column(List<List<Integer>> records, int field) {
        List<Integer> values = new ArrayList<>();
        for (List<Integer> r : records) {
            values.add(r.get(field));
        }
        return values;
    }

    private static void printArray(
            PrintStream out, String name, String type, List<Integer> values, boolean hex) {
        out.println("pub(super) static " + name + ": [" + type + "; " + values.size() + "] = [");
        for (int v : values) {
            out.println((hex ? "0x" + Integer.toHexString(v).toUpperCase() : Integer.toString(v)) + ",");
        }
        out.println("];");
        out.println();
    }
}
