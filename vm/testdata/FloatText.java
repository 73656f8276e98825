import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Prints what HotSpot makes of raw double bit patterns, for float_text.rs to compare against.
 *
 * <p>Usage: {@code java FloatText <records file> <format stride>}. Each 14-byte record holds a
 * big-endian 64-bit pattern and six precisions (one byte each) for %f, %f, %e, %e, %g, %g.
 * The first output line is the Java specification version. Then, for record i: one line
 * {@code Double.toString(d) Float.toString(f)}, where f has the low 32 bits of the pattern;
 * and, when i is a multiple of the stride, a second line with the six formatter texts of
 * |d| separated by spaces, or "x" when d is NaN or infinite.
 */
public class FloatText {
    private static final String[] CONVERSIONS = {"f", "f", "e", "e", "g", "g"};

    public static void main(String[] args) throws IOException {
        File records = new File(args[0]);
        int stride = Integer.parseInt(args[1]);
        long count = records.length() / 14;
        byte[] precisions = new byte[CONVERSIONS.length];
        StringBuilder format = new StringBuilder();
        try (DataInputStream in = new DataInputStream(
                        new BufferedInputStream(new FileInputStream(records), 1 << 16));
                Writer out = new BufferedWriter(
                        new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16)) {
            out.write(System.getProperty("java.specification.version"));
            out.write('\n');
            for (long i = 0; i < count; i++) {
                long bits = in.readLong();
                in.readFully(precisions);
                double d = Double.longBitsToDouble(bits);
                float f = Float.intBitsToFloat((int) bits);
                out.write(Double.toString(d));
                out.write(' ');
                out.write(Float.toString(f));
                out.write('\n');
                if (i % stride != 0) {
                    continue;
                }
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    out.write("x\n");
                    continue;
                }
                format.setLength(0);
                for (int c = 0; c < CONVERSIONS.length; c++) {
                    if (c > 0) {
                        format.append(' ');
                    }
                    format.append("%.").append(precisions[c]).append(CONVERSIONS[c]);
                }
                double magnitude = Math.abs(d);
                out.write(String.format(Locale.ROOT, format.toString(),
                        magnitude, magnitude, magnitude, magnitude, magnitude, magnitude));
                out.write('\n');
            }
        }
    }
}
