/** Reads bytes from a file descriptor of the process (standard input). */
package java.io;

public class FileInputStream extends InputStream {
    private final FileDescriptor fdObj;
    private volatile boolean closed;

    public FileInputStream(FileDescriptor fdObj) {
        if (fdObj == null) {
            throw new NullPointerException();
        }
        this.fdObj = fdObj;
    }

    public final FileDescriptor getFD() {
        return fdObj;
    }

    @Override
    public int read() throws IOException {
        ensureOpen();
        byte[] one = new byte[1];
        int n = read0(fdObj.fd(), one, 0, 1);
        return n <= 0 ? -1 : (one[0] & 0xff);
    }

    @Override
    public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        OutputStream.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        ensureOpen();
        return read0(fdObj.fd(), b, off, len);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream Closed");
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
    }

    private static native int read0(int fd, byte[] b, int off, int len) throws IOException;
}
