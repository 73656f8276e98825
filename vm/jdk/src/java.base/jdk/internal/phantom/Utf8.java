/** UTF-8 encoding and decoding for String and the java.io streams, with the JDK's replacement rules. */
package jdk.internal.phantom;

public final class Utf8 {
    private Utf8() {}

    /** What decodeOne returns when the buffer ends inside a sequence that may still complete. */
    public static final long NEED_MORE = -1L;

    /** Encodes chars; an unpaired surrogate becomes '?', as the JDK's encoder replaces it. */
    public static byte[] encode(char[] c, int off, int len) {
        return encode(c, off, len, false);
    }

    /** Like encode, followed by a '\n' when newline is set: println's one write. */
    public static byte[] encode(char[] c, int off, int len, boolean newline) {
        int extra = newline ? 1 : 0;
        byte[] out = new byte[len + extra];
        int end = off + len;
        int i = off;
        // Most text is ASCII: copy it straight and only size the rest when a wider char shows up.
        while (i < end) {
            char ch = c[i];
            if (ch >= 0x80) {
                break;
            }
            out[i - off] = (byte) ch;
            i++;
        }
        if (i == end) {
            if (newline) {
                out[len] = '\n';
            }
            return out;
        }
        int j = i - off;
        int size = j + encodedLength(c, i, end) + extra;
        byte[] wide = new byte[size];
        System.arraycopy(out, 0, wide, 0, j);
        while (i < end) {
            char ch = c[i++];
            if (ch < 0x80) {
                wide[j++] = (byte) ch;
            } else if (ch < 0x800) {
                wide[j++] = (byte) (0xc0 | (ch >> 6));
                wide[j++] = (byte) (0x80 | (ch & 0x3f));
            } else if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i < end && Character.isLowSurrogate(c[i])) {
                    int cp = Character.toCodePoint(ch, c[i++]);
                    wide[j++] = (byte) (0xf0 | (cp >> 18));
                    wide[j++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    wide[j++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    wide[j++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    wide[j++] = '?';
                }
            } else {
                wide[j++] = (byte) (0xe0 | (ch >> 12));
                wide[j++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
                wide[j++] = (byte) (0x80 | (ch & 0x3f));
            }
        }
        if (newline) {
            wide[j] = '\n';
        }
        return wide;
    }

    private static int encodedLength(char[] c, int i, int end) {
        int n = 0;
        while (i < end) {
            char ch = c[i++];
            if (ch < 0x80) {
                n++;
            } else if (ch < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(ch) && i < end && Character.isLowSurrogate(c[i])) {
                i++;
                n += 4;
            } else if (Character.isSurrogate(ch)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Decodes b[off, off+len); each malformed sequence (maximal valid prefix) becomes one U+FFFD. */
    public static char[] decode(byte[] b, int off, int len) {
        char[] out = new char[len];
        int end = off + len;
        int i = off;
        while (i < end) {
            byte x = b[i];
            if (x < 0) {
                break;
            }
            out[i - off] = (char) x;
            i++;
        }
        if (i == end) {
            return out;
        }
        // Every byte yields at most one char (four bytes yield two), so out is large enough.
        int j = i - off;
        while (i < end) {
            int x = b[i];
            if (x >= 0) {
                out[j++] = (char) x;
                i++;
                continue;
            }
            long r = decodeOne(b, i, end, true);
            int cp = (int) r;
            i += (int) (r >>> 32);
            if (cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                out[j++] = Character.highSurrogate(cp);
                out[j++] = Character.lowSurrogate(cp);
            } else {
                out[j++] = (char) cp;
            }
        }
        if (j == out.length) {
            return out;
        }
        char[] trimmed = new char[j];
        System.arraycopy(out, 0, trimmed, 0, j);
        return trimmed;
    }

    /**
     * Decodes the sequence starting at b[i] (i < limit): the number of bytes used in the high
     * 32 bits and the code point (U+FFFD if malformed) in the low 32; or NEED_MORE when the
     * bytes run out within a well-formed prefix and more input may follow.
     */
    public static long decodeOne(byte[] b, int i, int limit, boolean endOfInput) {
        int b0 = b[i] & 0xff;
        if (b0 < 0x80) {
            return (1L << 32) | b0;
        }
        int need;
        int lo = 0x80;
        int hi = 0xbf;
        int cp;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            need = 1;
            cp = b0 & 0x1f;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            need = 2;
            cp = b0 & 0x0f;
            // An encoded surrogate (ED A0..BF xx) is accepted byte by byte and rejected whole
            // below, so it yields one U+FFFD like the JDK's decoder.
            if (b0 == 0xe0) {
                lo = 0xa0;
            }
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            need = 3;
            cp = b0 & 0x07;
            if (b0 == 0xf0) {
                lo = 0x90;
            } else if (b0 == 0xf4) {
                hi = 0x8f;
            }
        } else {
            return (1L << 32) | 0xfffd;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= limit) {
                return endOfInput ? (((long) k) << 32) | 0xfffd : NEED_MORE;
            }
            int bk = b[i + k] & 0xff;
            if (bk < lo || bk > hi) {
                return (((long) k) << 32) | 0xfffd;
            }
            cp = (cp << 6) | (bk & 0x3f);
            lo = 0x80;
            hi = 0xbf;
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return (3L << 32) | 0xfffd;
        }
        return (((long) need + 1) << 32) | cp;
    }
}
