/** The charsets every Java implementation must support. */
package java.nio.charset;

public final class StandardCharsets {
    private StandardCharsets() {}

    public static final Charset US_ASCII = Builtin.US_ASCII;
    public static final Charset ISO_8859_1 = Builtin.ISO_8859_1;
    public static final Charset UTF_8 = Builtin.UTF_8;
    public static final Charset UTF_16BE = Builtin.UTF_16BE;
    public static final Charset UTF_16LE = Builtin.UTF_16LE;
    public static final Charset UTF_16 = Builtin.UTF_16;
}
