/** A character stream that encodes to a byte stream in one charset (UTF-8 by default), buffering the bytes. */
package java.io;

import java.nio.charset.Charset;

public class OutputStreamWriter extends Writer {
    private static final int BUFFER_SIZE = 8192;

    private final OutputStream out;
    private final TextEncoder encoder;
    private final byte[] bytes = new byte[BUFFER_SIZE];
    private int nBytes;
    private boolean closed;

    public OutputStreamWriter(OutputStream out) {
        this(out, Charset.defaultCharset());
    }

    public OutputStreamWriter(OutputStream out, String charsetName) throws UnsupportedEncodingException {
        super(out);
        this.encoder = new TextEncoder(TextEncoder.toCharset(charsetName));
        this.out = out;
    }

    public OutputStreamWriter(OutputStream out, Charset cs) {
        super(out);
        this.encoder = new TextEncoder(TextEncoder.requireCharset(cs));
        this.out = out;
    }

    public String getEncoding() {
        return closed ? null : TextEncoder.historicalName(encoder.charset());
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }

    /** Buffers encoded bytes, writing through when they do not fit. */
    private void put(byte[] b) throws IOException {
        int n = b.length;
        if (nBytes + n > BUFFER_SIZE) {
            flushBuffer();
            if (n > BUFFER_SIZE) {
                out.write(b, 0, n);
                return;
            }
        }
        System.arraycopy(b, 0, bytes, nBytes, n);
        nBytes += n;
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
            if (len == 0) {
                return;
            }
            put(encoder.encode(cbuf, off, len, false));
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
                put(encoder.finish());
                flushBuffer();
            } finally {
                closed = true;
                out.close();
            }
        }
    }
}
