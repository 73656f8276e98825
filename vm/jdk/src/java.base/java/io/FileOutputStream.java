/** Writes bytes to a file, or to the process's standard output and error streams. */
package java.io;

import jdk.internal.phantom.Fs;

public class FileOutputStream extends OutputStream {
    private final FileDescriptor fdObj;
    private volatile boolean closed;

    public FileOutputStream(String name) throws FileNotFoundException {
        this(name != null ? new File(name) : null, false);
    }

    public FileOutputStream(String name, boolean append) throws FileNotFoundException {
        this(name != null ? new File(name) : null, append);
    }

    public FileOutputStream(File file) throws FileNotFoundException {
        this(file, false);
    }

    public FileOutputStream(File file, boolean append) throws FileNotFoundException {
        String name = (file != null ? file.getPath() : null);
        if (name == null) {
            throw new NullPointerException();
        }
        if (file.isInvalid()) {
            throw new FileNotFoundException("Invalid file path");
        }
        String p = file.fsPath();
        int flags = Fs.WRITE | Fs.CREATE | (append ? Fs.APPEND : Fs.TRUNCATE);
        int fd = p == null ? Fs.ENOENT : Fs.open(p, flags);
        if (fd < 0) {
            throw new FileNotFoundException(name + " (" + Fs.message(fd) + ")");
        }
        this.fdObj = new FileDescriptor(fd);
    }

    public FileOutputStream(FileDescriptor fdObj) {
        if (fdObj == null) {
            throw new NullPointerException();
        }
        this.fdObj = fdObj;
    }

    public final FileDescriptor getFD() throws IOException {
        return fdObj;
    }

    private void writeBytes(byte[] b, int off, int len) throws IOException {
        int fd = fdObj.fd();
        if (fd >= 3) {
            Fs.write(fd, b, off, len);
        } else {
            write0(fd, b, off, len);
        }
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        writeBytes(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b) throws IOException {
        ensureOpen();
        writeBytes(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkFromIndexSize(off, len, b.length);
        ensureOpen();
        writeBytes(b, off, len);
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

    private static native void write0(int fd, byte[] b, int off, int len) throws IOException;
}
