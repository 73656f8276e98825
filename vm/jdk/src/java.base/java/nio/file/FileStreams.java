/** The byte streams Files opens: unbuffered, over a descriptor of jdk.internal.phantom.Fs. */
package java.nio.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import jdk.internal.phantom.Fs;

final class FileStreams {
    private FileStreams() {}

    /**
     * Opens path for reading. Linux opens a directory for reading and fails its reads, and Fs
     * refuses to open one: a stream with no descriptor fails its reads the same way.
     */
    static InputStream openInput(Path path, boolean deleteOnClose) throws IOException {
        String abs = Files.abs(path);
        int fd = Fs.open(abs, Fs.READ);
        if (fd < 0 && fd != Fs.EISDIR) {
            throw Files.failure(fd, path.toString(), null);
        }
        return new In(fd, deleteOnClose ? abs : null);
    }

    /** Opens path with Fs open flags. */
    static OutputStream openOutput(Path path, int flags, boolean deleteOnClose) throws IOException {
        String abs = Files.abs(path);
        int fd = Files.openWrite(abs, flags);
        if (fd < 0) {
            throw Files.failure(fd, path.toString(), null);
        }
        return new Out(fd, deleteOnClose ? abs : null);
    }

    private static IOException closed() {
        return new IOException("Stream Closed");
    }

    private static final class In extends InputStream {
        /** The descriptor, or EISDIR for a directory. */
        private final int fd;
        /** The file to delete on closing (DELETE_ON_CLOSE), or null. */
        private final String deletePath;
        private final byte[] one = new byte[1];
        private boolean closed;

        In(int fd, String deletePath) {
            this.fd = fd;
            this.deletePath = deletePath;
        }

        private void ensureReadable() throws IOException {
            if (closed) {
                throw closed();
            }
            if (fd < 0) {
                throw new IOException(Fs.message(fd));
            }
        }

        @Override
        public synchronized int read() throws IOException {
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            ensureReadable();
            return len == 0 ? 0 : Fs.read(fd, b, off, len);
        }

        /** Moves the position, backwards for a negative n, staying within the file. */
        @Override
        public synchronized long skip(long n) throws IOException {
            ensureReadable();
            long pos = Fs.position(fd);
            long to;
            if (n > 0) {
                long size = Fs.size(fd);
                to = pos + n;
                if (to < 0 || to > size) {
                    to = size;
                }
            } else {
                to = Math.max(pos + n, 0);
            }
            Fs.seek(fd, to);
            return to - pos;
        }

        @Override
        public synchronized int available() throws IOException {
            ensureReadable();
            long left = Fs.size(fd) - Fs.position(fd);
            return left <= 0 ? 0 : (int) Math.min(left, Integer.MAX_VALUE);
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (fd >= 0) {
                Fs.close(fd);
            }
            if (deletePath != null) {
                Fs.delete(deletePath);
            }
        }
    }

    private static final class Out extends OutputStream {
        private final int fd;
        private final String deletePath;
        private final byte[] one = new byte[1];
        private boolean closed;

        Out(int fd, String deletePath) {
            this.fd = fd;
            this.deletePath = deletePath;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            one[0] = (byte) b;
            write(one, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw closed();
            }
            if (len > 0) {
                Fs.write(fd, b, off, len);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            Fs.close(fd);
            if (deletePath != null) {
                Fs.delete(deletePath);
            }
        }
    }
}
