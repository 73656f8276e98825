/** Writes bytes to a file descriptor of the process (the standard output and error streams). */
package java.io;

public class FileOutputStream extends OutputStream {
    private final FileDescriptor fdObj;
    private volatile boolean closed;

    public FileOutputStream(FileDescriptor fdObj) {
        if (fdObj == null) {
            throw new NullPointerException();
        }
        this.fdObj = fdObj;
    }

    public final FileDescriptor getFD() {
        return fdObj;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        write0(fdObj.fd(), new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b) throws IOException {
        ensureOpen();
        write0(fdObj.fd(), b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkFromIndexSize(off, len, b.length);
        ensureOpen();
        write0(fdObj.fd(), b, off, len);
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

    private static native void write0(int fd, byte[] b, int off, int len) throws IOException;
}
