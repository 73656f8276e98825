/** Reads bytes from a file, or from the process's standard input. */
package java.io;

import jdk.internal.phantom.Fs;

public class FileInputStream extends InputStream {
    private final FileDescriptor fdObj;
    private final String path;
    private volatile boolean closed;

    public FileInputStream(String name) throws FileNotFoundException {
        this(name != null ? new File(name) : null);
    }

    public FileInputStream(File file) throws FileNotFoundException {
        String name = (file != null ? file.getPath() : null);
        if (name == null) {
            throw new NullPointerException();
        }
        if (file.isInvalid()) {
            throw new FileNotFoundException("Invalid file path");
        }
        String p = file.fsPath();
        int fd = p == null ? Fs.ENOENT : Fs.open(p, Fs.READ);
        if (fd < 0) {
            throw new FileNotFoundException(name + " (" + Fs.message(fd) + ")");
        }
        this.fdObj = new FileDescriptor(fd);
        this.path = name;
    }

    public FileInputStream(FileDescriptor fdObj) {
        if (fdObj == null) {
            throw new NullPointerException();
        }
        this.fdObj = fdObj;
        this.path = null;
    }

    public final FileDescriptor getFD() throws IOException {
        return fdObj;
    }

    private int readBytes(byte[] b, int off, int len) throws IOException {
        int fd = fdObj.fd();
        if (fd >= 3) {
            return Fs.read(fd, b, off, len);
        }
        int n = read0(fd, b, off, len);
        return n <= 0 && len > 0 ? -1 : n;
    }

    @Override
    public int read() throws IOException {
        ensureOpen();
        byte[] one = new byte[1];
        int n = readBytes(one, 0, 1);
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
        return readBytes(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        ensureOpen();
        int fd = fdObj.fd();
        if (fd < 3) {
            return super.skip(n);
        }
        long pos = Fs.position(fd);
        long to = pos + n;
        if (to < 0) {
            throw new IOException("Invalid argument");
        }
        Fs.seek(fd, to);
        return n;
    }

    @Override
    public int available() throws IOException {
        ensureOpen();
        int fd = fdObj.fd();
        if (fd < 3) {
            return 0;
        }
        long left = Fs.size(fd) - Fs.position(fd);
        return left <= 0 ? 0 : (int) Math.min(left, Integer.MAX_VALUE);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream Closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        fdObj.close();
    }

    private static native int read0(int fd, byte[] b, int off, int len) throws IOException;
}
