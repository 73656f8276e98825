/** Text coding as Files does it: input that a charset cannot decode, or text it cannot encode, is an error, not a replacement char. */
package java.nio.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jdk.internal.phantom.Utf8;

// Errors name one char of input, as the JDK's decoders and encoders report most of them.
// Only UTF-8 and US-ASCII input is checked; the UTF-16 charsets decode leniently.
final class StrictText {
    private StrictText() {}

    static CharacterCodingException malformed() {
        return new java.nio.charset.MalformedInputException(1);
    }

    static CharacterCodingException unmappable() {
        return new java.nio.charset.UnmappableCharacterException(1);
    }

    /** Whether cs is one whose malformed input is detected here. */
    private static boolean checked(Charset cs) {
        return cs == StandardCharsets.UTF_8 || cs == StandardCharsets.US_ASCII;
    }

    /**
     * The length of the well-formed sequence at b[i] (i < limit), 0 if more bytes are needed to
     * tell, or -1 if it is malformed.
     */
    private static int sequence(byte[] b, int i, int limit, boolean ascii, boolean endOfInput) {
        if (b[i] >= 0) {
            return 1;
        }
        if (ascii) {
            return -1;
        }
        long r = Utf8.decodeOne(b, i, limit, endOfInput);
        if (r == Utf8.NEED_MORE) {
            return 0;
        }
        int n = (int) (r >>> 32);
        // A replacement char is malformed input unless it was U+FFFD itself (EF BF BD).
        if ((int) r == 0xfffd && !(n == 3 && (b[i] & 0xff) == 0xef && (b[i + 1] & 0xff) == 0xbf && (b[i + 2] & 0xff) == 0xbd)) {
            return -1;
        }
        return n;
    }

    static void checkDecodable(byte[] b, Charset cs) throws CharacterCodingException {
        if (!checked(cs)) {
            return;
        }
        boolean ascii = cs == StandardCharsets.US_ASCII;
        int i = 0;
        while (i < b.length) {
            int n = sequence(b, i, b.length, ascii, true);
            if (n < 0) {
                throw malformed();
            }
            i += n;
        }
    }

    /** Checks that every char of s has an encoding in cs: no unpaired surrogates, nothing out of range. */
    static void checkEncodable(CharSequence s, Charset cs) throws CharacterCodingException {
        int max = cs == StandardCharsets.US_ASCII ? 0x7f : cs == StandardCharsets.ISO_8859_1 ? 0xff : Character.MAX_VALUE;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired || max < Character.MAX_VALUE) {
                    throw unmappable();
                }
                i++;
            } else if (c > max) {
                throw unmappable();
            }
        }
    }

    /**
     * in, failing as soon as a read brings in a malformed sequence: like the JDK's decoder,
     * which fails the read whose chunk holds it, losing the chars decoded before it.
     */
    static InputStream checking(InputStream in, Charset cs) {
        return checked(cs) ? new Checking(in, cs == StandardCharsets.US_ASCII) : in;
    }

    private static final class Checking extends InputStream {
        private final InputStream in;
        private final boolean ascii;
        private final byte[] buf = new byte[8192];
        /** buf[pos, checked) is well-formed and unread; buf[checked, limit) not yet judged. */
        private int pos;
        private int checked;
        private int limit;
        private boolean endOfInput;

        Checking(InputStream in, boolean ascii) {
            this.in = in;
            this.ascii = ascii;
        }

        /** Reads and judges more bytes until some are ready; false at the end of input. */
        private boolean fill() throws IOException {
            while (pos == checked) {
                if (endOfInput && checked == limit) {
                    return false;
                }
                if (!endOfInput) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    checked = pos = 0;
                    int n = in.read(buf, limit, buf.length - limit);
                    if (n < 0) {
                        endOfInput = true;
                    } else {
                        limit += n;
                    }
                }
                while (checked < limit) {
                    int n = sequence(buf, checked, limit, ascii, endOfInput);
                    if (n < 0) {
                        throw malformed();
                    }
                    if (n == 0) {
                        break;
                    }
                    checked += n;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? buf[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, checked - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return checked - pos;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
