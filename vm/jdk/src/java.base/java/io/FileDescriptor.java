/**
 * A handle to an open file of the process: the standard streams (0, 1, 2), or a descriptor of
 * the process's table of open files (3 and up, see jdk.internal.phantom.Fs).
 */
package java.io;

public final class FileDescriptor {
    private final int fd;
    private volatile boolean closed;

    public static final FileDescriptor in = new FileDescriptor(0);
    public static final FileDescriptor out = new FileDescriptor(1);
    public static final FileDescriptor err = new FileDescriptor(2);

    public FileDescriptor() {
        this.fd = -1;
    }

    FileDescriptor(int fd) {
        this.fd = fd;
    }

    int fd() {
        return fd;
    }

    /** Closes an opened file's descriptor, once; the standard streams stay open. */
    void close() {
        if (!closed && fd >= 3) {
            closed = true;
            jdk.internal.phantom.Fs.close(fd);
        }
    }

    public boolean valid() {
        return fd >= 0 && !closed;
    }

    public void sync() throws SyncFailedException {
        if (!valid()) {
            throw new SyncFailedException("sync failed");
        }
    }
}
