/** A named character encoding: lookup by name or alias, and the identity the String and java.io coders dispatch on. */
package java.nio.charset;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

// Only the charsets in StandardCharsets exist: encoders, decoders, ByteBuffer-based encode and
// decode, and availableCharsets are not provided. String and the java.io streams do the coding
// themselves, keyed on the canonical name.
public abstract class Charset implements Comparable<Charset> {
    private final String name;
    private final String[] aliases;
    private Set<String> aliasSet;

    protected Charset(String canonicalName, String[] aliases) {
        String[] as = aliases == null ? new String[0] : aliases.clone();
        checkName(canonicalName);
        for (String a : as) {
            checkName(a);
        }
        this.name = canonicalName;
        this.aliases = as;
    }

    /** A legal name is non-empty ASCII letters, digits and "-+:_.", starting with a letter or digit. */
    private static void checkName(String s) {
        int n = s.length();
        if (n == 0) {
            throw new IllegalCharsetNameException(s);
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (alnum) {
                continue;
            }
            if (i > 0 && (c == '-' || c == '+' || c == ':' || c == '_' || c == '.')) {
                continue;
            }
            throw new IllegalCharsetNameException(s);
        }
    }

    /** The built-in charset with this name or alias, or null; rejects null and illegal names as the JDK does. */
    private static Charset lookup(String charsetName) {
        if (charsetName == null) {
            throw new IllegalArgumentException("Null charset name");
        }
        // Legal names are ASCII, so the case-insensitive comparison below cannot match through
        // a non-ASCII case mapping.
        checkName(charsetName);
        for (Charset cs : Builtin.ALL) {
            if (cs.name.equalsIgnoreCase(charsetName)) {
                return cs;
            }
            for (String a : cs.aliases) {
                if (a.equalsIgnoreCase(charsetName)) {
                    return cs;
                }
            }
        }
        return null;
    }

    public static boolean isSupported(String charsetName) {
        return lookup(charsetName) != null;
    }

    public static Charset forName(String charsetName) {
        Charset cs = lookup(charsetName);
        if (cs == null) {
            throw new UnsupportedCharsetException(charsetName);
        }
        return cs;
    }

    /** phantom's file.encoding is always UTF-8, as HotSpot's is under a UTF-8 locale. */
    public static Charset defaultCharset() {
        return Builtin.UTF_8;
    }

    public final String name() {
        return name;
    }

    public final Set<String> aliases() {
        Set<String> s = aliasSet;
        if (s == null) {
            s = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(aliases)));
            aliasSet = s;
        }
        return s;
    }

    public String displayName() {
        return name;
    }

    public String displayName(Locale locale) {
        return name;
    }

    /** IANA-registered names do not start with "X-". */
    public final boolean isRegistered() {
        return !name.startsWith("X-") && !name.startsWith("x-");
    }

    public abstract boolean contains(Charset cs);

    public boolean canEncode() {
        return true;
    }

    @Override
    public final int compareTo(Charset that) {
        return name().compareToIgnoreCase(that.name());
    }

    @Override
    public final int hashCode() {
        return name().hashCode();
    }

    @Override
    public final boolean equals(Object ob) {
        if (this == ob) {
            return true;
        }
        return ob instanceof Charset && name.equals(((Charset) ob).name());
    }

    @Override
    public final String toString() {
        return name();
    }
}
