/** Depth-first, pre-order walks of a file tree, for Files.walk, find and walkFileTree. */
package java.nio.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

// Directories are listed when the walk reaches them, so a walk sees a directory's entries as
// they were then. Links are not followed because Fs shows none.
final class TreeWalker {
    private TreeWalker() {}

    static void checkDepth(int maxDepth) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("'maxDepth' is negative");
        }
    }

    static void checkOptions(FileVisitOption[] options) {
        for (FileVisitOption o : options) {
            Objects.requireNonNull(o);
        }
    }

    /** A path the walk reached, with its attributes. */
    static final class Entry {
        final Path path;
        final BasicFileAttributes attrs;

        Entry(Path path, BasicFileAttributes attrs) {
            this.path = path;
            this.attrs = attrs;
        }
    }

    /** A listed directory and how far its entries have been walked. */
    private static final class Frame {
        final Path dir;
        final String[] names;
        final int depth;
        int next;

        Frame(Path dir, int depth) throws IOException {
            this.dir = dir;
            this.names = Listing.names(dir);
            this.depth = depth;
        }
    }

    /**
     * The entries under start, start first. Reading start and listing it fail here; later
     * failures surface as UncheckedIOException from the iterator, as from the JDK's walk stream.
     */
    static Iterator<Entry> entries(Path start, int maxDepth) throws IOException {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        BasicFileAttributes attrs = UnixAttributes.read(start);
        if (attrs.isDirectory() && maxDepth > 0) {
            stack.push(new Frame(start, 0));
        }
        Entry first = new Entry(start, attrs);
        return new Iterator<Entry>() {
            private Entry next = first;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = advance();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next != null;
            }

            private Entry advance() throws IOException {
                while (!stack.isEmpty()) {
                    Frame f = stack.peek();
                    if (f.next == f.names.length) {
                        stack.pop();
                        continue;
                    }
                    Path child = f.dir.resolve(f.names[f.next++]);
                    BasicFileAttributes a = UnixAttributes.read(child);
                    if (a.isDirectory() && f.depth + 1 < maxDepth) {
                        stack.push(new Frame(child, f.depth + 1));
                    }
                    return new Entry(child, a);
                }
                return null;
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Entry e = next;
                next = null;
                return e;
            }
        };
    }

    /** Files.walkFileTree: start returned once the walk ends or the visitor says TERMINATE. */
    static void walkFileTree(Path start, int maxDepth, FileVisitor<? super Path> visitor) throws IOException {
        visit(start, 0, maxDepth, visitor);
    }

    /** Visits path and what is under it; SKIP_SIBLINGS and TERMINATE go back to the caller. */
    private static FileVisitResult visit(Path path, int depth, int maxDepth, FileVisitor<? super Path> visitor)
            throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = UnixAttributes.read(path);
        } catch (IOException e) {
            return checked(visitor.visitFileFailed(path, e));
        }
        if (!attrs.isDirectory() || depth >= maxDepth) {
            return checked(visitor.visitFile(path, attrs));
        }
        String[] names;
        try {
            names = Listing.names(path);
        } catch (IOException e) {
            return checked(visitor.visitFileFailed(path, e));
        }
        FileVisitResult r = checked(visitor.preVisitDirectory(path, attrs));
        if (r != FileVisitResult.CONTINUE) {
            return r == FileVisitResult.SKIP_SUBTREE ? FileVisitResult.CONTINUE : r;
        }
        for (String name : names) {
            r = visit(path.resolve(name), depth + 1, maxDepth, visitor);
            if (r == FileVisitResult.TERMINATE) {
                return r;
            }
            if (r == FileVisitResult.SKIP_SIBLINGS) {
                break;
            }
        }
        r = checked(visitor.postVisitDirectory(path, null));
        return r == FileVisitResult.SKIP_SUBTREE ? FileVisitResult.CONTINUE : r;
    }

    private static FileVisitResult checked(FileVisitResult r) {
        return Objects.requireNonNull(r, "FileVisitor returned null");
    }
}
