/** Immutable UTF-16 text; the VM creates literals by filling in value and hash directly. */
package java.lang;

import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;
import jdk.internal.phantom.Utf8;

public final class String implements java.io.Serializable, Comparable<String>, CharSequence,
        java.lang.constant.Constable, java.lang.constant.ConstantDesc {
    private static final char[] EMPTY = new char[0];

    /** Never shared with callers: every constructor and accessor copies. */
    private final char[] value;
    /** The cached hash code, 0 until computed. */
    private int hash;

    public static final Comparator<String> CASE_INSENSITIVE_ORDER = new CaseInsensitiveComparator();

    public String() {
        this.value = EMPTY;
    }

    public String(String original) {
        this.value = original.value;
        this.hash = original.hash;
    }

    public String(char[] value) {
        this.value = copyOf(value, 0, value.length);
    }

    public String(char[] value, int offset, int count) {
        checkOffsetCount(offset, count, value.length);
        this.value = copyOf(value, offset, count);
    }

    public String(int[] codePoints, int offset, int count) {
        checkOffsetCount(offset, count, codePoints.length);
        int n = 0;
        for (int i = offset; i < offset + count; i++) {
            int cp = codePoints[i];
            if (cp >= 0 && cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                n++;
            } else if (Character.isValidCodePoint(cp)) {
                n += 2;
            } else {
                throw new IllegalArgumentException(Integer.toString(cp));
            }
        }
        char[] v = new char[n];
        int j = 0;
        for (int i = offset; i < offset + count; i++) {
            int cp = codePoints[i];
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                v[j++] = (char) cp;
            } else {
                v[j++] = Character.highSurrogate(cp);
                v[j++] = Character.lowSurrogate(cp);
            }
        }
        this.value = v;
    }

    public String(byte[] bytes) {
        this.value = Utf8.decode(bytes, 0, bytes.length);
    }

    public String(byte[] bytes, int offset, int length) {
        checkOffsetCount(offset, length, bytes.length);
        this.value = Utf8.decode(bytes, offset, length);
    }

    public String(byte[] bytes, String charsetName) throws UnsupportedEncodingException {
        this(bytes, 0, bytes.length, charsetName);
    }

    public String(byte[] bytes, int offset, int length, String charsetName) throws UnsupportedEncodingException {
        // The name is looked up before the bounds are checked, as on HotSpot.
        if (charsetName == null) {
            throw new NullPointerException();
        }
        int charset = charsetOf(charsetName);
        checkOffsetCount(offset, length, bytes.length);
        this.value = decode(bytes, offset, length, charset);
    }

    public String(byte[] bytes, Charset charset) {
        this(bytes, 0, bytes.length, charset);
    }

    public String(byte[] bytes, int offset, int length, Charset charset) {
        if (charset == null) {
            throw new NullPointerException();
        }
        checkOffsetCount(offset, length, bytes.length);
        this.value = decode(bytes, offset, length, charsetOf(charset));
    }

    public String(StringBuffer buffer) {
        this.value = buffer.toString().value;
    }

    public String(StringBuilder builder) {
        this.value = copyOf(builder.getValue(), 0, builder.length());
    }

    /** Takes ownership of the array: for callers in this package that built it and drop it. */
    String(char[] value, boolean owned) {
        this.value = value;
    }

    private static char[] copyOf(char[] src, int offset, int count) {
        if (count == 0) {
            return EMPTY;
        }
        char[] v = new char[count];
        System.arraycopy(src, offset, v, 0, count);
        return v;
    }

    private static void checkOffsetCount(int offset, int count, int length) {
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new StringIndexOutOfBoundsException(
                    "offset " + offset + ", count " + count + ", length " + length);
        }
    }

    private static void checkBeginEnd(int begin, int end, int length) {
        if (begin < 0 || begin > end || end > length) {
            throw new StringIndexOutOfBoundsException(
                    "begin " + begin + ", end " + end + ", length " + length);
        }
    }

    private static void checkIndex(int index, int length) {
        if (index < 0 || index >= length) {
            throw new StringIndexOutOfBoundsException("index " + index + ", length " + length);
        }
    }

    @Override
    public int length() {
        return value.length;
    }

    @Override
    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public char charAt(int index) {
        // The array check does the bounds test; only the failing path pays for the translation.
        try {
            return value[index];
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new StringIndexOutOfBoundsException(index);
        }
    }

    public int codePointAt(int index) {
        char[] v = value;
        checkIndex(index, v.length);
        char c = v[index];
        if (Character.isHighSurrogate(c) && index + 1 < v.length && Character.isLowSurrogate(v[index + 1])) {
            return Character.toCodePoint(c, v[index + 1]);
        }
        return c;
    }

    public int codePointBefore(int index) {
        char[] v = value;
        if (index < 1 || index > v.length) {
            throw new StringIndexOutOfBoundsException(index);
        }
        char c = v[index - 1];
        if (Character.isLowSurrogate(c) && index > 1 && Character.isHighSurrogate(v[index - 2])) {
            return Character.toCodePoint(v[index - 2], c);
        }
        return c;
    }

    public int codePointCount(int beginIndex, int endIndex) {
        if (beginIndex < 0 || beginIndex > endIndex || endIndex > value.length) {
            throw new IndexOutOfBoundsException();
        }
        return Character.codePointCount(value, beginIndex, endIndex - beginIndex);
    }

    public int offsetByCodePoints(int index, int codePointOffset) {
        if (index < 0 || index > value.length) {
            throw new IndexOutOfBoundsException();
        }
        return Character.offsetByCodePoints(this, index, codePointOffset);
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        checkBeginEnd(srcBegin, srcEnd, value.length);
        checkOffsetCount(dstBegin, srcEnd - srcBegin, dst.length);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    /** Copies all chars to dst at dstBegin, unchecked: for the builders, which have made room. */
    void copyTo(char[] dst, int dstBegin) {
        System.arraycopy(value, 0, dst, dstBegin, value.length);
    }

    public byte[] getBytes() {
        return Utf8.encode(value, 0, value.length);
    }

    public byte[] getBytes(String charsetName) throws UnsupportedEncodingException {
        if (charsetName == null) {
            throw new NullPointerException();
        }
        return encode(value, charsetOf(charsetName));
    }

    public byte[] getBytes(Charset charset) {
        if (charset == null) {
            throw new NullPointerException();
        }
        return encode(value, charsetOf(charset));
    }

    // The charsets String can code, identified by Charset's canonical names.
    private static final int UTF_8 = 0;
    private static final int ISO_8859_1 = 1;
    private static final int US_ASCII = 2;
    private static final int UTF_16 = 3;
    private static final int UTF_16BE = 4;
    private static final int UTF_16LE = 5;

    /** Looks a name or alias up as Charset.forName does, reporting failure as the checked exception. */
    private static int charsetOf(String name) throws UnsupportedEncodingException {
        Charset cs;
        try {
            cs = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException x) {
            throw new UnsupportedEncodingException(name);
        }
        return charsetOf(cs);
    }

    private static int charsetOf(Charset cs) {
        switch (cs.name()) {
            case "UTF-8":
                return UTF_8;
            case "ISO-8859-1":
                return ISO_8859_1;
            case "US-ASCII":
                return US_ASCII;
            case "UTF-16":
                return UTF_16;
            case "UTF-16BE":
                return UTF_16BE;
            case "UTF-16LE":
                return UTF_16LE;
            default:
                // A Charset subclass from outside: there are no CharsetEncoders to code it with.
                throw new UnsupportedCharsetException(cs.name());
        }
    }

    /**
     * Encodes as the JDK's encoders do with replacement: unmappable chars and unpaired
     * surrogates become '?' in the byte charsets, U+FFFD in UTF-16, whose unmarked form writes
     * a big-endian byte-order mark first (unless there is nothing to encode).
     */
    private static byte[] encode(char[] v, int charset) {
        if (charset == UTF_8) {
            return Utf8.encode(v, 0, v.length);
        }
        if (charset == ISO_8859_1 || charset == US_ASCII) {
            int limit = (charset == US_ASCII) ? 0x80 : 0x100;
            byte[] out = new byte[v.length];
            int j = 0;
            for (int i = 0; i < v.length; i++) {
                char c = v[i];
                if (c < limit) {
                    out[j++] = (byte) c;
                } else {
                    // A surrogate pair is one unmappable character, replaced by a single '?'.
                    if (Character.isHighSurrogate(c) && i + 1 < v.length && Character.isLowSurrogate(v[i + 1])) {
                        i++;
                    }
                    out[j++] = (byte) '?';
                }
            }
            return j == out.length ? out : Arrays.copyOf(out, j);
        }
        boolean bom = charset == UTF_16 && v.length > 0;
        boolean little = charset == UTF_16LE;
        byte[] out = new byte[2 * v.length + (bom ? 2 : 0)];
        int j = 0;
        if (bom) {
            out[j++] = (byte) 0xfe;
            out[j++] = (byte) 0xff;
        }
        for (int i = 0; i < v.length; i++) {
            char c = v[i];
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < v.length && Character.isLowSurrogate(v[i + 1])) {
                    j = putUnit(out, j, c, little);
                    c = v[++i];
                } else {
                    c = '\ufffd';
                }
            }
            j = putUnit(out, j, c, little);
        }
        return out;
    }

    private static int putUnit(byte[] out, int j, char c, boolean little) {
        out[j + (little ? 1 : 0)] = (byte) (c >> 8);
        out[j + (little ? 0 : 1)] = (byte) c;
        return j + 2;
    }

    /**
     * Decodes as the JDK's decoders do with replacement: US-ASCII turns bytes above 0x7f into
     * U+FFFD; UTF-16 reads an optional byte-order mark, then big-endian.
     */
    private static char[] decode(byte[] b, int off, int len, int charset) {
        if (charset == UTF_8) {
            return Utf8.decode(b, off, len);
        }
        if (charset == ISO_8859_1 || charset == US_ASCII) {
            char[] v = new char[len];
            for (int i = 0; i < len; i++) {
                int x = b[off + i] & 0xff;
                v[i] = (charset == US_ASCII && x >= 0x80) ? '\ufffd' : (char) x;
            }
            return v;
        }
        int i = off;
        int end = off + len;
        boolean little = charset == UTF_16LE;
        if (charset == UTF_16 && len >= 2) {
            int b0 = b[i] & 0xff;
            int b1 = b[i + 1] & 0xff;
            if (b0 == 0xfe && b1 == 0xff) {
                i += 2;
            } else if (b0 == 0xff && b1 == 0xfe) {
                i += 2;
                little = true;
            }
        }
        char[] v = new char[(end - i + 1) / 2];
        int j = 0;
        while (i < end) {
            if (end - i < 2) {
                v[j++] = '\ufffd';
                break;
            }
            char u = unitAt(b, i, little);
            i += 2;
            if (!Character.isSurrogate(u)) {
                v[j++] = u;
            } else if (Character.isLowSurrogate(u)) {
                v[j++] = '\ufffd';
            } else if (end - i < 2) {
                // A high surrogate with less than a unit after it: the rest is one malformed sequence.
                v[j++] = '\ufffd';
                break;
            } else {
                // A high surrogate is taken with the unit after it, whatever that is, as the JDK does.
                char u2 = unitAt(b, i, little);
                i += 2;
                if (Character.isLowSurrogate(u2)) {
                    v[j++] = u;
                    v[j++] = u2;
                } else {
                    v[j++] = '\ufffd';
                }
            }
        }
        return j == v.length ? v : Arrays.copyOf(v, j);
    }

    private static char unitAt(byte[] b, int i, boolean little) {
        int hi = b[little ? i + 1 : i] & 0xff;
        int lo = b[little ? i : i + 1] & 0xff;
        return (char) ((hi << 8) | lo);
    }

    @Override
    public boolean equals(Object anObject) {
        if (this == anObject) {
            return true;
        }
        if (!(anObject instanceof String)) {
            return false;
        }
        char[] a = value;
        char[] b = ((String) anObject).value;
        int n = a.length;
        if (n != b.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean contentEquals(StringBuffer sb) {
        return contentEquals((CharSequence) sb);
    }

    public boolean contentEquals(CharSequence cs) {
        if (cs instanceof String) {
            return equals(cs);
        }
        char[] v = value;
        int n = v.length;
        if (n != cs.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (v[i] != cs.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public boolean equalsIgnoreCase(String anotherString) {
        if (this == anotherString) {
            return true;
        }
        return anotherString != null && anotherString.value.length == value.length
                && regionMatches(true, 0, anotherString, 0, value.length);
    }

    @Override
    public int compareTo(String anotherString) {
        char[] a = value;
        char[] b = anotherString.value;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            char c1 = a[i];
            char c2 = b[i];
            if (c1 != c2) {
                return c1 - c2;
            }
        }
        return a.length - b.length;
    }

    /** Compares code unit by code unit after upper- then lower-casing each pair that differs. */
    private static final class CaseInsensitiveComparator implements Comparator<String>, java.io.Serializable {
        @Override
        public int compare(String s1, String s2) {
            char[] a = s1.value;
            char[] b = s2.value;
            int n = Math.min(a.length, b.length);
            for (int i = 0; i < n; i++) {
                char c1 = a[i];
                char c2 = b[i];
                if (c1 != c2) {
                    c1 = Character.toUpperCase(c1);
                    c2 = Character.toUpperCase(c2);
                    if (c1 != c2) {
                        c1 = Character.toLowerCase(c1);
                        c2 = Character.toLowerCase(c2);
                        if (c1 != c2) {
                            return c1 - c2;
                        }
                    }
                }
            }
            return a.length - b.length;
        }
    }

    public int compareToIgnoreCase(String str) {
        return CASE_INSENSITIVE_ORDER.compare(this, str);
    }

    public boolean regionMatches(int toffset, String other, int ooffset, int len) {
        char[] a = value;
        char[] b = other.value;
        if (ooffset < 0 || toffset < 0 || toffset > (long) a.length - len || ooffset > (long) b.length - len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (a[toffset + i] != b[ooffset + i]) {
                return false;
            }
        }
        return true;
    }

    public boolean regionMatches(boolean ignoreCase, int toffset, String other, int ooffset, int len) {
        if (!ignoreCase) {
            return regionMatches(toffset, other, ooffset, len);
        }
        char[] a = value;
        char[] b = other.value;
        if (ooffset < 0 || toffset < 0 || toffset > (long) a.length - len || ooffset > (long) b.length - len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c1 = a[toffset + i];
            char c2 = b[ooffset + i];
            if (c1 == c2) {
                continue;
            }
            char u1 = Character.toUpperCase(c1);
            char u2 = Character.toUpperCase(c2);
            if (u1 == u2 || Character.toLowerCase(u1) == Character.toLowerCase(u2)) {
                continue;
            }
            return false;
        }
        return true;
    }

    public boolean startsWith(String prefix, int toffset) {
        // prefix.length() first, as OpenJDK: a null prefix's message names it.
        if (toffset < 0 || toffset > length() - prefix.length()) {
            return false;
        }
        char[] a = value;
        char[] p = prefix.value;
        for (int i = 0; i < p.length; i++) {
            if (a[toffset + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean startsWith(String prefix) {
        return startsWith(prefix, 0);
    }

    public boolean endsWith(String suffix) {
        return startsWith(suffix, length() - suffix.length());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            char[] v = value;
            for (int i = 0; i < v.length; i++) {
                h = 31 * h + v[i];
            }
            hash = h;
        }
        return h;
    }

    public int indexOf(int ch) {
        return indexOf(ch, 0);
    }

    public int indexOf(int ch, int fromIndex) {
        char[] v = value;
        if (fromIndex < 0) {
            fromIndex = 0;
        }
        if (ch < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            for (int i = fromIndex; i < v.length; i++) {
                if (v[i] == ch) {
                    return i;
                }
            }
            return -1;
        }
        if (!Character.isValidCodePoint(ch)) {
            return -1;
        }
        char hi = Character.highSurrogate(ch);
        char lo = Character.lowSurrogate(ch);
        for (int i = fromIndex; i < v.length - 1; i++) {
            if (v[i] == hi && v[i + 1] == lo) {
                return i;
            }
        }
        return -1;
    }

    public int lastIndexOf(int ch) {
        return lastIndexOf(ch, value.length - 1);
    }

    public int lastIndexOf(int ch, int fromIndex) {
        char[] v = value;
        if (ch < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            for (int i = Math.min(fromIndex, v.length - 1); i >= 0; i--) {
                if (v[i] == ch) {
                    return i;
                }
            }
            return -1;
        }
        if (!Character.isValidCodePoint(ch)) {
            return -1;
        }
        char hi = Character.highSurrogate(ch);
        char lo = Character.lowSurrogate(ch);
        for (int i = Math.min(fromIndex, v.length - 2); i >= 0; i--) {
            if (v[i] == hi && v[i + 1] == lo) {
                return i;
            }
        }
        return -1;
    }

    public int indexOf(String str) {
        return indexOf(value, value.length, str.value, 0);
    }

    public int indexOf(String str, int fromIndex) {
        return indexOf(value, value.length, str.value, fromIndex);
    }

    /** Where target first occurs in source[0, sourceCount) at or after fromIndex; shared with the builders. */
    static int indexOf(char[] source, int sourceCount, char[] target, int fromIndex) {
        int n = target.length;
        if (fromIndex >= sourceCount) {
            return (n == 0 ? sourceCount : -1);
        }
        if (fromIndex < 0) {
            fromIndex = 0;
        }
        if (n == 0) {
            return fromIndex;
        }
        char first = target[0];
        int max = sourceCount - n;
        for (int i = fromIndex; i <= max; i++) {
            if (source[i] != first) {
                continue;
            }
            int j = 1;
            while (j < n && source[i + j] == target[j]) {
                j++;
            }
            if (j == n) {
                return i;
            }
        }
        return -1;
    }

    public int lastIndexOf(String str) {
        return lastIndexOf(str, length());
    }

    public int lastIndexOf(String str, int fromIndex) {
        return lastIndexOf(value, value.length, str, fromIndex);
    }

    /** Named as OpenJDK's, so that a null target's message names "tgtStr". */
    private static int lastIndexOf(char[] src, int srcCount, String tgtStr, int fromIndex) {
        char[] tgt = tgtStr.value;
        return lastIndexOf(src, srcCount, tgt, fromIndex);
    }

    static int lastIndexOf(char[] source, int sourceCount, char[] target, int fromIndex) {
        int n = target.length;
        int rightmost = sourceCount - n;
        if (fromIndex > rightmost) {
            fromIndex = rightmost;
        }
        if (fromIndex < 0) {
            return -1;
        }
        if (n == 0) {
            return fromIndex;
        }
        for (int i = fromIndex; i >= 0; i--) {
            int j = 0;
            while (j < n && source[i + j] == target[j]) {
                j++;
            }
            if (j == n) {
                return i;
            }
        }
        return -1;
    }

    public String substring(int beginIndex) {
        return substring(beginIndex, value.length);
    }

    public String substring(int beginIndex, int endIndex) {
        int length = value.length;
        checkBeginEnd(beginIndex, endIndex, length);
        if (beginIndex == 0 && endIndex == length) {
            return this;
        }
        return new String(copyOf(value, beginIndex, endIndex - beginIndex), true);
    }

    @Override
    public CharSequence subSequence(int beginIndex, int endIndex) {
        return substring(beginIndex, endIndex);
    }

    public String concat(String str) {
        if (str.isEmpty()) {
            return this;
        }
        char[] a = value;
        char[] b = str.value;
        if (a.length == 0) {
            return str;
        }
        char[] v = new char[a.length + b.length];
        System.arraycopy(a, 0, v, 0, a.length);
        System.arraycopy(b, 0, v, a.length, b.length);
        return new String(v, true);
    }

    public String replace(char oldChar, char newChar) {
        if (oldChar == newChar) {
            return this;
        }
        char[] v = value;
        int i = 0;
        while (i < v.length && v[i] != oldChar) {
            i++;
        }
        if (i == v.length) {
            return this;
        }
        char[] out = copyOf(v, 0, v.length);
        for (; i < out.length; i++) {
            if (out[i] == oldChar) {
                out[i] = newChar;
            }
        }
        return new String(out, true);
    }

    public boolean contains(CharSequence s) {
        return indexOf(s.toString()) >= 0;
    }

    public String replace(CharSequence target, CharSequence replacement) {
        char[] t = target.toString().value;
        String repl = replacement.toString();
        char[] v = value;
        int at = indexOf(v, v.length, t, 0);
        if (at < 0) {
            return this;
        }
        StringBuilder sb = new StringBuilder(v.length + 16);
        int from = 0;
        if (t.length == 0) {
            // An empty target matches before every char and at the end.
            for (int i = 0; i < v.length; i++) {
                sb.append(repl).append(v[i]);
            }
            return sb.append(repl).toString();
        }
        while (at >= 0) {
            sb.append(v, from, at - from).append(repl);
            from = at + t.length;
            at = indexOf(v, v.length, t, from);
        }
        sb.append(v, from, v.length - from);
        return sb.toString();
    }

    public boolean matches(String regex) {
        return jdk.internal.phantom.Regex.matches(regex, this);
    }

    public String replaceFirst(String regex, String replacement) {
        return jdk.internal.phantom.Regex.replace(regex, this, replacement, false);
    }

    public String replaceAll(String regex, String replacement) {
        return jdk.internal.phantom.Regex.replace(regex, this, replacement, true);
    }

    public String[] split(String regex, int limit) {
        return jdk.internal.phantom.Regex.split(regex, this, limit);
    }

    public String[] split(String regex) {
        return split(regex, 0);
    }

    public static String join(CharSequence delimiter, CharSequence... elements) {
        // In OpenJDK's order, so that the messages of a null delimiter or elements match.
        String delim = delimiter.toString();
        int n = elements.length;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(delim);
            }
            sb.append(elements[i]);
        }
        return sb.toString();
    }

    public static String join(CharSequence delimiter, Iterable<? extends CharSequence> elements) {
        if (delimiter == null || elements == null) {
            throw new NullPointerException();
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Iterator<? extends CharSequence> it = elements.iterator(); it.hasNext();) {
            if (!first) {
                sb.append(delimiter);
            }
            sb.append(it.next());
            first = false;
        }
        return sb.toString();
    }

    /** Turkish and Azeri map dotted and dotless i differently; other languages use the root rules. */
    private static boolean isTurkic(Locale locale) {
        String lang = locale.getLanguage();
        return lang.equals("tr") || lang.equals("az");
    }

    public String toLowerCase(Locale locale) {
        if (locale == null) {
            throw new NullPointerException();
        }
        if (!isTurkic(locale) || (indexOf('I') < 0 && indexOf('\u0130') < 0)) {
            return toLowerCase();
        }
        StringBuilder sb = new StringBuilder(value.length);
        for (char c : value) {
            if (c == 'I') {
                sb.append('\u0131');
            } else if (c == '\u0130') {
                sb.append('i');
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase();
    }

    public String toUpperCase(Locale locale) {
        if (locale == null) {
            throw new NullPointerException();
        }
        if (!isTurkic(locale) || indexOf('i') < 0) {
            return toUpperCase();
        }
        return replace('i', '\u0130').toUpperCase();
    }

    public String toLowerCase() {
        char[] v = value;
        int i = 0;
        for (; i < v.length; i++) {
            char c = v[i];
            if (Character.isSurrogate(c) || c == '\u0130' || Character.toLowerCase(c) != c) {
                break;
            }
        }
        if (i == v.length) {
            return this;
        }
        StringBuilder sb = new StringBuilder(v.length + 4);
        sb.append(v, 0, i);
        while (i < v.length) {
            int cp = Character.codePointAt(v, i);
            i += Character.charCount(cp);
            if (cp == '\u0130') {
                // Capital I with dot lowers to 'i' and a combining dot outside Turkish locales.
                sb.append('i').append('\u0307');
            } else if (cp == '\u03a3') {
                sb.append(finalSigma(v, i - 1) ? '\u03c2' : '\u03c3');
            } else {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return sb.toString();
    }

    /** Whether the capital sigma at index ends a word, and so lowers to the final form. */
    private static boolean finalSigma(char[] v, int index) {
        int before = index - 1;
        while (before >= 0 && isCaseIgnorable(v[before])) {
            before--;
        }
        if (before < 0 || !Character.isLetter(v[before])) {
            return false;
        }
        int after = index + 1;
        while (after < v.length && isCaseIgnorable(v[after])) {
            after++;
        }
        return after >= v.length || !Character.isLetter(v[after]);
    }

    private static boolean isCaseIgnorable(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || type == Character.MODIFIER_LETTER
                || type == Character.MODIFIER_SYMBOL || c == '\'' || c == '.' || c == ':'
                || c == '\u00ad' || c == '\u2019';
    }

    /**
     * The chars whose upper case is several chars (SpecialCasing.txt's unconditional mappings, as
     * in Java 17), loaded on first use. The table holds, per entry: the char, the number of
     * chars it maps to, then those chars.
     */
    private static final class UpperExpansions {
        private static final String TABLE =
                "\u00DF\u0002\u0053\u0053\u0149\u0002\u02BC\u004E\u01F0\u0002\u004A\u030C\u0390\u0003\u0399\u0308\u0301\u03B0\u0003\u03A5\u0308\u0301" +
                "\u0587\u0002\u0535\u0552\u1E96\u0002\u0048\u0331\u1E97\u0002\u0054\u0308\u1E98\u0002\u0057\u030A\u1E99\u0002\u0059\u030A" +
                "\u1E9A\u0002\u0041\u02BE\u1F50\u0002\u03A5\u0313\u1F52\u0003\u03A5\u0313\u0300\u1F54\u0003\u03A5\u0313\u0301\u1F56\u0003\u03A5\u0313\u0342" +
                "\u1F80\u0002\u1F08\u0399\u1F81\u0002\u1F09\u0399\u1F82\u0002\u1F0A\u0399\u1F83\u0002\u1F0B\u0399\u1F84\u0002\u1F0C\u0399" +
                "\u1F85\u0002\u1F0D\u0399\u1F86\u0002\u1F0E\u0399\u1F87\u0002\u1F0F\u0399\u1F88\u0002\u1F08\u0399\u1F89\u0002\u1F09\u0399" +
                "\u1F8A\u0002\u1F0A\u0399\u1F8B\u0002\u1F0B\u0399\u1F8C\u0002\u1F0C\u0399\u1F8D\u0002\u1F0D\u0399\u1F8E\u0002\u1F0E\u0399" +
                "\u1F8F\u0002\u1F0F\u0399\u1F90\u0002\u1F28\u0399\u1F91\u0002\u1F29\u0399\u1F92\u0002\u1F2A\u0399\u1F93\u0002\u1F2B\u0399" +
                "\u1F94\u0002\u1F2C\u0399\u1F95\u0002\u1F2D\u0399\u1F96\u0002\u1F2E\u0399\u1F97\u0002\u1F2F\u0399\u1F98\u0002\u1F28\u0399" +
                "\u1F99\u0002\u1F29\u0399\u1F9A\u0002\u1F2A\u0399\u1F9B\u0002\u1F2B\u0399\u1F9C\u0002\u1F2C\u0399\u1F9D\u0002\u1F2D\u0399" +
                "\u1F9E\u0002\u1F2E\u0399\u1F9F\u0002\u1F2F\u0399\u1FA0\u0002\u1F68\u0399\u1FA1\u0002\u1F69\u0399\u1FA2\u0002\u1F6A\u0399" +
                "\u1FA3\u0002\u1F6B\u0399\u1FA4\u0002\u1F6C\u0399\u1FA5\u0002\u1F6D\u0399\u1FA6\u0002\u1F6E\u0399\u1FA7\u0002\u1F6F\u0399" +
                "\u1FA8\u0002\u1F68\u0399\u1FA9\u0002\u1F69\u0399\u1FAA\u0002\u1F6A\u0399\u1FAB\u0002\u1F6B\u0399\u1FAC\u0002\u1F6C\u0399" +
                "\u1FAD\u0002\u1F6D\u0399\u1FAE\u0002\u1F6E\u0399\u1FAF\u0002\u1F6F\u0399\u1FB2\u0002\u1FBA\u0399\u1FB3\u0002\u0391\u0399" +
                "\u1FB4\u0002\u0386\u0399\u1FB6\u0002\u0391\u0342\u1FB7\u0003\u0391\u0342\u0399\u1FBC\u0002\u0391\u0399\u1FC2\u0002\u1FCA\u0399" +
                "\u1FC3\u0002\u0397\u0399\u1FC4\u0002\u0389\u0399\u1FC6\u0002\u0397\u0342\u1FC7\u0003\u0397\u0342\u0399\u1FCC\u0002\u0397\u0399" +
                "\u1FD2\u0003\u0399\u0308\u0300\u1FD3\u0003\u0399\u0308\u0301\u1FD6\u0002\u0399\u0342\u1FD7\u0003\u0399\u0308\u0342\u1FE2\u0003\u03A5\u0308\u0300" +
                "\u1FE3\u0003\u03A5\u0308\u0301\u1FE4\u0002\u03A1\u0313\u1FE6\u0002\u03A5\u0342\u1FE7\u0003\u03A5\u0308\u0342\u1FF2\u0002\u1FFA\u0399" +
                "\u1FF3\u0002\u03A9\u0399\u1FF4\u0002\u038F\u0399\u1FF6\u0002\u03A9\u0342\u1FF7\u0003\u03A9\u0342\u0399\u1FFC\u0002\u03A9\u0399" +
                "\uFB00\u0002\u0046\u0046\uFB01\u0002\u0046\u0049\uFB02\u0002\u0046\u004C\uFB03\u0003\u0046\u0046\u0049\uFB04\u0003\u0046\u0046\u004C" +
                "\uFB05\u0002\u0053\u0054\uFB06\u0002\u0053\u0054\uFB13\u0002\u0544\u0546\uFB14\u0002\u0544\u0535\uFB15\u0002\u0544\u053B" +
                "\uFB16\u0002\u054E\u0546\uFB17\u0002\u0544\u053D";

        static final char[] KEYS;
        static final String[] VALUES;

        static {
            int n = 0;
            for (int i = 0; i < TABLE.length(); i += 2 + TABLE.charAt(i + 1)) {
                n++;
            }
            KEYS = new char[n];
            VALUES = new String[n];
            int k = 0;
            for (int i = 0; i < TABLE.length(); i += 2 + TABLE.charAt(i + 1)) {
                KEYS[k] = TABLE.charAt(i);
                VALUES[k] = TABLE.substring(i + 2, i + 2 + TABLE.charAt(i + 1));
                k++;
            }
        }

        /** The expansion of c, or null if it upper-cases to a single char. */
        static String find(char c) {
            int lo = 0;
            int hi = KEYS.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                char key = KEYS[mid];
                if (c < key) {
                    hi = mid - 1;
                } else if (c > key) {
                    lo = mid + 1;
                } else {
                    return VALUES[mid];
                }
            }
            return null;
        }
    }

    private static boolean upperExpands(char c) {
        return c == '\u00df' || (c >= '\u0149' && UpperExpansions.find(c) != null);
    }

    public String toUpperCase() {
        char[] v = value;
        int i = 0;
        for (; i < v.length; i++) {
            char c = v[i];
            if (Character.isSurrogate(c) || Character.toUpperCase(c) != c || (c >= '\u00df' && upperExpands(c))) {
                break;
            }
        }
        if (i == v.length) {
            return this;
        }
        StringBuilder sb = new StringBuilder(v.length + 4);
        sb.append(v, 0, i);
        while (i < v.length) {
            int cp = Character.codePointAt(v, i);
            i += Character.charCount(cp);
            String expansion = (cp >= '\u00df' && cp < Character.MIN_SUPPLEMENTARY_CODE_POINT)
                    ? UpperExpansions.find((char) cp) : null;
            if (expansion != null) {
                // Sharp s, ligatures and some Greek letters have no single capital.
                sb.append(expansion);
            } else {
                sb.appendCodePoint(Character.toUpperCase(cp));
            }
        }
        return sb.toString();
    }

    public String trim() {
        char[] v = value;
        int begin = 0;
        int end = v.length;
        while (begin < end && v[begin] <= ' ') {
            begin++;
        }
        while (end > begin && v[end - 1] <= ' ') {
            end--;
        }
        return (begin > 0 || end < v.length) ? substring(begin, end) : this;
    }

    public String strip() {
        int begin = firstNonWhitespace();
        int end = lastNonWhitespace(begin);
        return substring(begin, end);
    }

    public String stripLeading() {
        return substring(firstNonWhitespace(), value.length);
    }

    public String stripTrailing() {
        return substring(0, lastNonWhitespace(0));
    }

    public boolean isBlank() {
        return firstNonWhitespace() == value.length;
    }

    private int firstNonWhitespace() {
        char[] v = value;
        int i = 0;
        while (i < v.length) {
            int cp = Character.codePointAt(v, i);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private int lastNonWhitespace(int floor) {
        char[] v = value;
        int i = v.length;
        while (i > floor) {
            int cp = Character.codePointBefore(v, i);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            i -= Character.charCount(cp);
        }
        return i;
    }

    /** The lines as lines() would stream them: split at \n, \r and \r\n, no empty last line. */
    private String[] splitLines() {
        char[] v = value;
        String[] lines = new String[8];
        int n = 0;
        int start = 0;
        int i = 0;
        while (i < v.length) {
            char c = v[i];
            if (c == '\n' || c == '\r') {
                if (n == lines.length) {
                    String[] bigger = new String[n * 2];
                    System.arraycopy(lines, 0, bigger, 0, n);
                    lines = bigger;
                }
                lines[n++] = substring(start, i);
                i += (c == '\r' && i + 1 < v.length && v[i + 1] == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < v.length) {
            if (n == lines.length) {
                String[] bigger = new String[n + 1];
                System.arraycopy(lines, 0, bigger, 0, n);
                lines = bigger;
            }
            lines[n++] = substring(start, v.length);
        }
        String[] result = new String[n];
        System.arraycopy(lines, 0, result, 0, n);
        return result;
    }

    public java.util.stream.Stream<String> lines() {
        return java.util.Arrays.stream(splitLines());
    }

    @Override
    public java.util.stream.IntStream chars() {
        char[] v = value;
        int[] values = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            values[i] = v[i];
        }
        return java.util.stream.IntStream.of(values);
    }

    public String indent(int n) {
        if (isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length + 16);
        String spaces = n > 0 ? " ".repeat(n) : null;
        for (String line : splitLines()) {
            if (n > 0) {
                sb.append(spaces).append(line);
            } else if (n < 0) {
                int ws = line.firstNonWhitespace();
                sb.append(line, Math.min(-n, ws), line.length());
            } else {
                sb.append(line);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public String stripIndent() {
        int length = value.length;
        if (length == 0) {
            return "";
        }
        char lastChar = value[length - 1];
        // A string ending in a line terminator has its closing delimiter at column 0: no outdent.
        boolean optOut = lastChar == '\n' || lastChar == '\r';
        String[] lines = splitLines();
        int outdent = 0;
        if (!optOut) {
            outdent = Integer.MAX_VALUE;
            for (String line : lines) {
                int leading = line.firstNonWhitespace();
                if (leading != line.length()) {
                    outdent = Math.min(outdent, leading);
                }
            }
            String lastLine = lines[lines.length - 1];
            if (lastLine.isBlank()) {
                outdent = Math.min(outdent, lastLine.length());
            }
        }
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            String line = lines[i];
            int first = line.firstNonWhitespace();
            int last = line.lastNonWhitespace(0);
            if (first < last) {
                sb.append(line, Math.min(outdent, first), last);
            }
        }
        if (optOut) {
            sb.append('\n');
        }
        return sb.toString();
    }

    public String translateEscapes() {
        char[] v = value;
        int n = v.length;
        char[] out = new char[n];
        int j = 0;
        int i = 0;
        while (i < n) {
            char c = v[i++];
            if (c != '\\') {
                out[j++] = c;
                continue;
            }
            // A backslash at the very end is reported as escaping U+0000, as the JDK does.
            c = i < n ? v[i++] : '\0';
            switch (c) {
                case 'b':
                    out[j++] = '\b';
                    break;
                case 'f':
                    out[j++] = '\f';
                    break;
                case 'n':
                    out[j++] = '\n';
                    break;
                case 'r':
                    out[j++] = '\r';
                    break;
                case 's':
                    out[j++] = ' ';
                    break;
                case 't':
                    out[j++] = '\t';
                    break;
                case '\'':
                case '\"':
                case '\\':
                    out[j++] = c;
                    break;
                case '0':
                case '1':
                case '2':
                case '3':
                case '4':
                case '5':
                case '6':
                case '7': {
                    // Up to three octal digits, the value staying within \377.
                    int limit = Math.min(i + (c <= '3' ? 2 : 1), n);
                    int code = c - '0';
                    while (i < limit && v[i] >= '0' && v[i] <= '7') {
                        code = (code << 3) | (v[i++] - '0');
                    }
                    out[j++] = (char) code;
                    break;
                }
                case '\n':
                    break;
                case '\r':
                    if (i < n && v[i] == '\n') {
                        i++;
                    }
                    break;
                default: {
                    String hex = Integer.toHexString(c).toUpperCase();
                    throw new IllegalArgumentException("Invalid escape sequence: \\" + c + " \\\\u"
                            + "0000".substring(hex.length()) + hex);
                }
            }
        }
        return new String(copyOf(out, 0, j), true);
    }

    public <R> R transform(Function<? super String, ? extends R> f) {
        return f.apply(this);
    }

    @Override
    public String toString() {
        return this;
    }

    public char[] toCharArray() {
        char[] v = value;
        char[] out = new char[v.length];
        System.arraycopy(v, 0, out, 0, v.length);
        return out;
    }

    public static String format(String format, Object... args) {
        return new java.util.Formatter().format(format, args).toString();
    }

    public static String format(Locale l, String format, Object... args) {
        return new java.util.Formatter(l).format(format, args).toString();
    }

    public String formatted(Object... args) {
        return new java.util.Formatter().format(this, args).toString();
    }

    public static String valueOf(Object obj) {
        return (obj == null) ? "null" : obj.toString();
    }

    public static String valueOf(char[] data) {
        return new String(data);
    }

    public static String valueOf(char[] data, int offset, int count) {
        return new String(data, offset, count);
    }

    public static String copyValueOf(char[] data, int offset, int count) {
        return new String(data, offset, count);
    }

    public static String copyValueOf(char[] data) {
        return new String(data);
    }

    public static String valueOf(boolean b) {
        return b ? "true" : "false";
    }

    public static String valueOf(char c) {
        return new String(new char[] {c}, true);
    }

    public static String valueOf(int i) {
        return Integer.toString(i);
    }

    public static String valueOf(long l) {
        return Long.toString(l);
    }

    public static String valueOf(float f) {
        return Float.toString(f);
    }

    public static String valueOf(double d) {
        return Double.toString(d);
    }

    public native String intern();

    public String repeat(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        if (count == 1) {
            return this;
        }
        char[] v = value;
        int n = v.length;
        if (n == 0 || count == 0) {
            return "";
        }
        if ((long) n * count > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("Required length exceeds implementation limit");
        }
        char[] out = new char[n * count];
        System.arraycopy(v, 0, out, 0, n);
        // Double the filled prefix each round rather than copying one piece at a time.
        int filled = n;
        while (filled < out.length) {
            int chunk = Math.min(filled, out.length - filled);
            System.arraycopy(out, 0, out, filled, chunk);
            filled += chunk;
        }
        return new String(out, true);
    }

    @Override
    public java.util.Optional<String> describeConstable() {
        return java.util.Optional.of(this);
    }

    @Override
    public String resolveConstantDesc(java.lang.invoke.MethodHandles.Lookup lookup) {
        return this;
    }
}
