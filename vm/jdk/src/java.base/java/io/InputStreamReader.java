/** A character stream that decodes UTF-8 from a byte stream. */
package java.io;

import jdk.internal.phantom.Utf8;

public class InputStreamReader extends Reader {
    private static final int BUFFER_SIZE = 8192;

    private final InputStream in;
    private final byte[] bytes = new byte[BUFFER_SIZE];
    private int bytePos;
    private int byteLimit;
    private boolean endOfInput;
    /** The low half of a supplementary char that did not fit in the caller's buffer, or 0. */
    private char pendingLow;
    private boolean closed;

    public InputStreamReader(InputStream in) {
        super(in);
        this.in = in;
    }

    public InputStreamReader(InputStream in, String charsetName) throws UnsupportedEncodingException {
        super(in);
        PrintStream.requireUtf8(charsetName);
        this.in = in;
    }

    public String getEncoding() {
        return closed ? null : "UTF8";
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
                if (b >= 0) {
                    cbuf[off + n++] = (char) b;
                    bytePos++;
                    continue;
                }
                long r = Utf8.decodeOne(bytes, bytePos, byteLimit, endOfInput);
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
