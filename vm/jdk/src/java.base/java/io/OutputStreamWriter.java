/** A character stream that encodes to UTF-8 onto a byte stream, buffering the bytes. */
package java.io;

public class OutputStreamWriter extends Writer {
    private static final int BUFFER_SIZE = 8192;

    private final OutputStream out;
    private final byte[] bytes = new byte[BUFFER_SIZE];
    private int nBytes;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char pendingHigh;
    private boolean closed;

    public OutputStreamWriter(OutputStream out) {
        super(out);
        this.out = out;
    }

    public OutputStreamWriter(OutputStream out, String charsetName) throws UnsupportedEncodingException {
        super(out);
        PrintStream.requireUtf8(charsetName);
        this.out = out;
    }

    public String getEncoding() {
        return closed ? null : "UTF8";
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }

    private void put(int b) throws IOException {
        if (nBytes == BUFFER_SIZE) {
            flushBuffer();
        }
        bytes[nBytes++] = (byte) b;
    }

    void flushBuffer() throws IOException {
        synchronized (lock) {
            ensureOpen();
            if (nBytes > 0) {
                out.write(bytes, 0, nBytes);
                nBytes = 0;
            }
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        synchronized (lock) {
            ensureOpen();
            OutputStream.checkFromIndexSize(off, len, cbuf.length);
            int end = off + len;
            for (int i = off; i < end; i++) {
                char c = cbuf[i];
                if (pendingHigh != 0) {
                    char high = pendingHigh;
                    pendingHigh = 0;
                    if (Character.isLowSurrogate(c)) {
                        int cp = Character.toCodePoint(high, c);
                        put(0xf0 | (cp >> 18));
                        put(0x80 | ((cp >> 12) & 0x3f));
                        put(0x80 | ((cp >> 6) & 0x3f));
                        put(0x80 | (cp & 0x3f));
                        continue;
                    }
                    put('?');
                }
                if (c < 0x80) {
                    put(c);
                } else if (c < 0x800) {
                    put(0xc0 | (c >> 6));
                    put(0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c)) {
                    pendingHigh = c;
                } else if (Character.isLowSurrogate(c)) {
                    put('?');
                } else {
                    put(0xe0 | (c >> 12));
                    put(0x80 | ((c >> 6) & 0x3f));
                    put(0x80 | (c & 0x3f));
                }
            }
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        if (len < 0) {
            throw new IndexOutOfBoundsException();
        }
        char[] cbuf = new char[len];
        str.getChars(off, off + len, cbuf, 0);
        write(cbuf, 0, len);
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            flushBuffer();
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                if (pendingHigh != 0) {
                    pendingHigh = 0;
                    put('?');
                }
                flushBuffer();
            } finally {
                closed = true;
                out.close();
            }
        }
    }
}
