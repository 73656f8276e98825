/** A directory's entries, read at once: what Files.list, walk and newDirectoryStream iterate. */
package java.nio.file;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import jdk.internal.phantom.Fs;

final class Listing implements DirectoryStream<Path> {
    private final Path dir;
    private final String[] names;
    private final DirectoryStream.Filter<? super Path> filter;
    private boolean closed;
    private boolean iterated;

    Listing(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        this.dir = dir;
        this.names = names(dir);
        this.filter = filter;
    }

    /** The names in dir, sorted. */
    static String[] names(Path dir) throws IOException {
        String abs = Files.abs(dir);
        int kind = Fs.stat(abs, new long[3]);
        if (kind < 0) {
            throw Files.failure(kind, dir.toString(), null);
        }
        if (kind != Fs.DIRECTORY) {
            throw new NotDirectoryException(dir.toString());
        }
        String[] names = Fs.list(abs);
        if (names == null) {
            // Fs.list gives no reason; a directory that exists but cannot be read is most likely unreadable to us.
            throw new AccessDeniedException(dir.toString());
        }
        return names;
    }

    @Override
    public Iterator<Path> iterator() {
        if (closed) {
            throw new IllegalStateException("Directory stream is closed");
        }
        if (iterated) {
            throw new IllegalStateException("Iterator already obtained");
        }
        iterated = true;
        return new Iterator<Path>() {
            private int i;
            private Path next;

            @Override
            public boolean hasNext() {
                while (next == null && !closed && i < names.length) {
                    Path p = dir.resolve(names[i++]);
                    try {
                        if (filter == null || filter.accept(p)) {
                            next = p;
                        }
                    } catch (IOException e) {
                        throw new DirectoryIteratorException(e);
                    }
                }
                return next != null;
            }

            @Override
            public Path next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Path p = next;
                next = null;
                return p;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
