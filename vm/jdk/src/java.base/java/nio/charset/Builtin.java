/** The charsets phantom provides, with the canonical names and aliases HotSpot 17 gives them. */
package java.nio.charset;

// Each alias list is in the order HotSpot's aliases() set iterates it: inserted in that order,
// names whose hashes share a bucket come out in the same order.
final class Builtin extends Charset {
    static final Builtin UTF_8 = new Builtin("UTF-8", 3, "unicode-1-1-utf-8", "UTF8");
    static final Builtin ISO_8859_1 = new Builtin("ISO-8859-1", 1, "819", "ISO8859-1", "l1", "ISO_8859-1:1987",
            "ISO_8859-1", "8859_1", "iso-ir-100", "latin1", "cp819", "ISO8859_1", "IBM819", "ISO_8859_1", "IBM-819",
            "csISOLatin1");
    static final Builtin US_ASCII = new Builtin("US-ASCII", 0, "ANSI_X3.4-1968", "cp367", "csASCII", "iso-ir-6",
            "ASCII", "iso_646.irv:1983", "ANSI_X3.4-1986", "ascii7", "default", "ISO_646.irv:1991", "ISO646-US",
            "IBM367", "646", "us");
    static final Builtin UTF_16 = new Builtin("UTF-16", 3, "UTF_16", "unicode", "utf16", "UnicodeBig");
    static final Builtin UTF_16BE = new Builtin("UTF-16BE", 3, "X-UTF-16BE", "UTF_16BE", "ISO-10646-UCS-2",
            "UnicodeBigUnmarked");
    static final Builtin UTF_16LE = new Builtin("UTF-16LE", 3, "UnicodeLittleUnmarked", "UTF_16LE", "X-UTF-16LE");

    static final Builtin[] ALL = {UTF_8, ISO_8859_1, US_ASCII, UTF_16, UTF_16BE, UTF_16LE};

    /** How much of Unicode the charset covers: 0 ASCII, 1 Latin-1, 3 all; a wider one contains a narrower. */
    private final int coverage;

    private Builtin(String name, int coverage, String... aliases) {
        super(name, aliases);
        this.coverage = coverage;
    }

    @Override
    public boolean contains(Charset cs) {
        return cs instanceof Builtin && ((Builtin) cs).coverage <= coverage;
    }
}
