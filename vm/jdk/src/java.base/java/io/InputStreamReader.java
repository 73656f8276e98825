/** A character stream that decodes a byte stream in one charset (UTF-8 by default). */
package java.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import jdk.internal.phantom.Utf8;

public class InputStreamReader extends Reader {
    private static final int BUFFER_SIZE = 8192;

    // How the bytes are decoded; UTF-16 becomes one of its fixed orders once the mark is read.
    private static final int UTF_8 = 0;
    private static final int ISO_8859_1 = 1;
    private static final int US_ASCII = 2;
    private static final int UTF_16 = 3;
    private static final int UTF_16BE = 4;
    private static final int UTF_16LE = 5;

    private final InputStream in;
    private final Charset charset;
    private int decoding;
    private final byte[] bytes = new byte[BUFFER_SIZE];
    private int bytePos;
    private int byteLimit;
    private boolean endOfInput;
    /** The low half of a supplementary char that did not fit in the caller's buffer, or 0. */
    private char pendingLow;
    private boolean closed;

    public InputStreamReader(InputStream in) {
        this(in, Charset.defaultCharset());
    }

    public InputStreamReader(InputStream in, String charsetName) throws UnsupportedEncodingException {
        super(in);
        this.in = in;
        this.charset = TextEncoder.toCharset(charsetName);
        this.decoding = decodingOf(charset);
    }

    public InputStreamReader(InputStream in, Charset cs) {
        super(in);
        this.in = in;
        this.charset = TextEncoder.requireCharset(cs);
        this.decoding = decodingOf(charset);
    }

    private static int decodingOf(Charset cs) {
        if (cs == StandardCharsets.ISO_8859_1) {
            return ISO_8859_1;
        } else if (cs == StandardCharsets.US_ASCII) {
            return US_ASCII;
        } else if (cs == StandardCharsets.UTF_16) {
            return UTF_16;
        } else if (cs == StandardCharsets.UTF_16BE) {
            return UTF_16BE;
        } else if (cs == StandardCharsets.UTF_16LE) {
            return UTF_16LE;
        }
        return UTF_8;
    }

    public String getEncoding() {
        return closed ? null : TextEncoder.historicalName(charset);
    }

    /**
     * Decodes the sequence at bytes[bytePos] as Utf8.decodeOne does (bytes used in the high
     * 32 bits, the code point in the low 32, or Utf8.NEED_MORE), for the current decoding.
     */
    private long decodeOne() {
        int i = bytePos;
        int limit = byteLimit;
        switch (decoding) {
            case UTF_8:
                return Utf8.decodeOne(bytes, i, limit, endOfInput);
            case ISO_8859_1:
                return (1L << 32) | (bytes[i] & 0xff);
            case US_ASCII:
                return (1L << 32) | (bytes[i] < 0 ? 0xfffd : bytes[i]);
            default:
                break;
        }
        if (limit - i < 2) {
            return endOfInput ? (((long) (limit - i)) << 32) | 0xfffd : Utf8.NEED_MORE;
        }
        if (decoding == UTF_16) {
            // The byte-order mark is only looked for at the start of the stream; without one
            // the bytes are big-endian.
            int b0 = bytes[i] & 0xff;
            int b1 = bytes[i + 1] & 0xff;
            boolean bigMark = b0 == 0xfe && b1 == 0xff;
            boolean littleMark = b0 == 0xff && b1 == 0xfe;
            decoding = littleMark ? UTF_16LE : UTF_16BE;
            if (bigMark || littleMark) {
                // The mark yields no char: an empty step, after which decoding goes on in its order.
                bytePos += 2;
                return 0L;
            }
        }
        boolean little = decoding == UTF_16LE;
        char u = unitAt(i, little);
        if (!Character.isSurrogate(u)) {
            return (2L << 32) | u;
        }
        if (Character.isLowSurrogate(u)) {
            return (2L << 32) | 0xfffd;
        }
        if (limit - i < 4) {
            // A high surrogate with less than a unit after it: at the end that is one malformed sequence.
            return endOfInput ? (((long) (limit - i)) << 32) | 0xfffd : Utf8.NEED_MORE;
        }
        // A high surrogate is taken with the unit after it, whatever that is, as the JDK does.
        char u2 = unitAt(i + 2, little);
        if (Character.isLowSurrogate(u2)) {
            return (4L << 32) | Character.toCodePoint(u, u2);
        }
        return (4L << 32) | 0xfffd;
    }

    private char unitAt(int i, boolean little) {
        int hi = bytes[little ? i + 1 : i] & 0xff;
        int lo = bytes[little ? i : i + 1] & 0xff;
        return (char) ((hi << 8) | lo);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }

    /** Moves unread bytes to the front and reads more; false at the end of input. */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int left = byteLimit - bytePos;
        if (left > 0 && bytePos > 0) {
            System.arraycopy(bytes, bytePos, bytes, 0, left);
        }
        bytePos = 0;
        byteLimit = left;
        int n = in.read(bytes, left, BUFFER_SIZE - left);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        byteLimit += n;
        return true;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            ensureOpen();
            OutputStream.checkFromIndexSize(off, len, cbuf.length);
            if (len == 0) {
                return 0;
            }
            int n = 0;
            if (pendingLow != 0) {
                cbuf[off + n++] = pendingLow;
                pendingLow = 0;
            }
            while (n < len) {
                if (bytePos >= byteLimit) {
                    // Block for more input only while nothing has been decoded yet.
                    if (n > 0 && in.available() <= 0) {
                        break;
                    }
                    if (!fill() && bytePos >= byteLimit) {
                        break;
                    }
                    continue;
                }
                int b = bytes[bytePos];
                if (b >= 0 && decoding < UTF_16) {
                    cbuf[off + n++] = (char) b;
                    bytePos++;
                    continue;
                }
                long r = decodeOne();
                if (r == 0L) {
                    continue;
                }
                if (r == Utf8.NEED_MORE) {
                    if (n > 0 && in.available() <= 0) {
                        break;
                    }
                    fill();
                    continue;
                }
                bytePos += (int) (r >>> 32);
                int cp = (int) r;
                if (cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    cbuf[off + n++] = Character.highSurrogate(cp);
                    if (n < len) {
                        cbuf[off + n++] = Character.lowSurrogate(cp);
                    } else {
                        pendingLow = Character.lowSurrogate(cp);
                    }
                } else {
                    cbuf[off + n++] = (char) cp;
                }
            }
            return n == 0 ? -1 : n;
        }
    }

    @Override
    public boolean ready() throws IOException {
        synchronized (lock) {
            ensureOpen();
            return pendingLow != 0 || bytePos < byteLimit || in.available() > 0;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            in.close();
        }
    }
}
