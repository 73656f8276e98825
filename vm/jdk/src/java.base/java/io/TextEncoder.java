/** Encodes the chars of successive writes in one charset, as a stream's single JDK encoder would. */
package java.io;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import jdk.internal.phantom.Utf8;

// The JDK's stream encoder keeps a high surrogate that ends one write so that it can pair with
// the next, and writes UTF-16's byte-order mark once, before the stream's first bytes. String
// does the per-charset coding; this class only carries that state between writes.
final class TextEncoder {
    private static final byte[] NO_BYTES = new byte[0];

    private final Charset charset;
    private final boolean utf8;
    /** What each write's text is encoded with: UTF-16 becomes big-endian after the mark. */
    private final Charset chunkCharset;
    private boolean needMark;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char pendingHigh;

    TextEncoder(Charset charset) {
        this.charset = charset;
        this.utf8 = charset == StandardCharsets.UTF_8;
        this.needMark = charset == StandardCharsets.UTF_16;
        this.chunkCharset = needMark ? StandardCharsets.UTF_16BE : charset;
    }

    /** Looks a charset name up for the java.io constructors, which report failure as a checked exception. */
    static Charset toCharset(String charsetName) throws UnsupportedEncodingException {
        if (charsetName == null) {
            throw new NullPointerException("charsetName");
        }
        try {
            return Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException x) {
            throw new UnsupportedEncodingException(charsetName);
        }
    }

    static Charset requireCharset(Charset charset) {
        if (charset == null) {
            throw new NullPointerException("charset");
        }
        return charset;
    }

    Charset charset() {
        return charset;
    }

    /** The pre-NIO name InputStreamReader.getEncoding and OutputStreamWriter.getEncoding report. */
    static String historicalName(Charset cs) {
        switch (cs.name()) {
            case "UTF-8":
                return "UTF8";
            case "ISO-8859-1":
                return "ISO8859_1";
            case "US-ASCII":
                return "ASCII";
            case "UTF-16BE":
                return "UnicodeBigUnmarked";
            case "UTF-16LE":
                return "UnicodeLittleUnmarked";
            default:
                return cs.name();
        }
    }

    /** Encodes c[off, off+len), then '\n' when newline is set; a final high surrogate waits for the next call. */
    byte[] encode(char[] c, int off, int len, boolean newline) {
        boolean holdLast = !newline && len > 0 && Character.isHighSurrogate(c[off + len - 1]);
        if (pendingHigh == 0 && !holdLast) {
            if (utf8) {
                return Utf8.encode(c, off, len, newline);
            }
            char[] text = c;
            if (off != 0 || len != c.length || newline) {
                text = new char[len + (newline ? 1 : 0)];
                System.arraycopy(c, off, text, 0, len);
                if (newline) {
                    text[len] = '\n';
                }
            }
            return mark(new String(text).getBytes(chunkCharset));
        }
        int lead = pendingHigh != 0 ? 1 : 0;
        int body = holdLast ? len - 1 : len;
        char[] text = new char[lead + body + (newline ? 1 : 0)];
        if (lead != 0) {
            text[0] = pendingHigh;
        }
        System.arraycopy(c, off, text, lead, body);
        if (newline) {
            text[text.length - 1] = '\n';
        }
        pendingHigh = holdLast ? c[off + len - 1] : 0;
        if (text.length == 0) {
            return NO_BYTES;
        }
        return utf8 ? Utf8.encode(text, 0, text.length) : mark(new String(text).getBytes(chunkCharset));
    }

    /** The replacement for a high surrogate still waiting when the stream closes, or no bytes. */
    byte[] finish() {
        if (pendingHigh == 0) {
            return NO_BYTES;
        }
        char[] lone = {pendingHigh};
        pendingHigh = 0;
        return utf8 ? Utf8.encode(lone, 0, 1) : mark(new String(lone).getBytes(chunkCharset));
    }

    private byte[] mark(byte[] bytes) {
        if (!needMark || bytes.length == 0) {
            return bytes;
        }
        needMark = false;
        byte[] marked = new byte[bytes.length + 2];
        marked[0] = (byte) 0xfe;
        marked[1] = (byte) 0xff;
        System.arraycopy(bytes, 0, marked, 2, bytes.length);
        return marked;
    }
}
