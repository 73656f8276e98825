/** Operations on files by Path: reading, writing, creating, copying, moving, deleting, listing and walking. */
package java.nio.file;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import jdk.internal.phantom.Fs;

// Every operation goes to jdk.internal.phantom.Fs with the path made absolute and normalized;
// exceptions name the path as the caller gave it, and Fs's failure codes become the exceptions
// HotSpot throws on Linux (see failure). Fs knows no symbolic links, owners or permissions
// beyond this process's access bits, so LinkOption and FOLLOW_LINKS change nothing.
public final class Files {
    private Files() {}

    /** Linux's EPERM, which Fs does not name: HotSpot reports it as access denied. */
    private static final int EPERM = -1;
    private static final int BUFFER_SIZE = 8192;
    /** The largest array readAllBytes makes, as the JDK's. */
    private static final int MAX_BUFFER_SIZE = Integer.MAX_VALUE - 8;
    /** Draws the numbers in temporary files' names; made on first use. */
    private static Random tempNames;

    static String abs(Path path) {
        return Fs.resolve(path.toString());
    }

    /** The exception HotSpot throws for an errno on Linux, naming file (and other, for two-file operations). */
    static IOException failure(int code, String file, String other) {
        switch (code) {
            case Fs.ENOENT:
                return new NoSuchFileException(file, other, null);
            case Fs.EEXIST:
                return new FileAlreadyExistsException(file, other, null);
            case Fs.EACCES:
            case EPERM:
                return new AccessDeniedException(file, other, null);
            default:
                return new FileSystemException(file, other, Fs.message(code));
        }
    }

    /**
     * Fs.open for writing. Fs refuses a directory whatever the flags, where Linux's O_EXCL
     * says EEXIST first: creating a new file where a directory is must say that it exists.
     */
    static int openWrite(String abs, int flags) {
        int fd = Fs.open(abs, flags);
        return fd == Fs.EISDIR && (flags & Fs.CREATE_NEW) != 0 ? Fs.EEXIST : fd;
    }

    /** Fs.stat: the kind or a failure code; out gets size, modification time and access bits. */
    private static int stat(Path path, long[] out) {
        return Fs.stat(abs(path), out);
    }

    private static void checkLinkOptions(LinkOption[] options) {
        for (LinkOption o : options) {
            Objects.requireNonNull(o);
        }
    }

    /** Fs cannot set permissions or owners, so no attribute can be given to a new file. */
    private static void checkCreateAttributes(FileAttribute<?>[] attrs) {
        if (attrs.length > 0) {
            throw new UnsupportedOperationException("'" + attrs[0].name() + "' not supported as initial attribute");
        }
    }

    // ---- streams ----

    public static InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        boolean deleteOnClose = false;
        for (OpenOption o : options) {
            if (o == StandardOpenOption.APPEND || o == StandardOpenOption.WRITE) {
                throw new UnsupportedOperationException("'" + o + "' not allowed");
            }
            deleteOnClose |= o == StandardOpenOption.DELETE_ON_CLOSE;
            checkOpenOption(o);
        }
        return FileStreams.openInput(path, deleteOnClose);
    }

    private static void checkOpenOption(OpenOption o) {
        if (o == null) {
            throw new NullPointerException();
        }
        if (!(o instanceof StandardOpenOption) && o != LinkOption.NOFOLLOW_LINKS) {
            throw new UnsupportedOperationException(o + " not supported");
        }
    }

    /** Opens for writing: by default creating the file or cutting it to nothing. */
    public static OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        int flags = Fs.WRITE;
        boolean deleteOnClose = false;
        if (options.length == 0) {
            flags |= Fs.CREATE | Fs.TRUNCATE;
        }
        boolean truncate = false;
        for (OpenOption o : options) {
            if (o == StandardOpenOption.READ) {
                throw new IllegalArgumentException("READ not allowed");
            }
            checkOpenOption(o);
            if (o == StandardOpenOption.APPEND) {
                flags |= Fs.APPEND;
            } else if (o == StandardOpenOption.TRUNCATE_EXISTING) {
                truncate = true;
            } else if (o == StandardOpenOption.CREATE) {
                flags |= Fs.CREATE;
            } else if (o == StandardOpenOption.CREATE_NEW) {
                flags |= Fs.CREATE_NEW;
            } else if (o == StandardOpenOption.DELETE_ON_CLOSE) {
                deleteOnClose = true;
            }
        }
        if (truncate) {
            if ((flags & Fs.APPEND) != 0) {
                throw new IllegalArgumentException("APPEND + TRUNCATE_EXISTING not allowed");
            }
            flags |= Fs.TRUNCATE;
        }
        return FileStreams.openOutput(path, flags, deleteOnClose);
    }

    public static BufferedReader newBufferedReader(Path path, Charset cs) throws IOException {
        Objects.requireNonNull(cs);
        InputStream in = newInputStream(path);
        return new BufferedReader(new InputStreamReader(StrictText.checking(in, cs), cs));
    }

    public static BufferedReader newBufferedReader(Path path) throws IOException {
        return newBufferedReader(path, StandardCharsets.UTF_8);
    }

    public static BufferedWriter newBufferedWriter(Path path, Charset cs, OpenOption... options) throws IOException {
        Objects.requireNonNull(cs);
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(path, options), cs));
    }

    public static BufferedWriter newBufferedWriter(Path path, OpenOption... options) throws IOException {
        return newBufferedWriter(path, StandardCharsets.UTF_8, options);
    }

    // ---- directories ----

    public static DirectoryStream<Path> newDirectoryStream(Path dir) throws IOException {
        return new Listing(dir, null);
    }

    public static DirectoryStream<Path> newDirectoryStream(Path dir, String glob) throws IOException {
        if (glob.equals("*")) {
            return newDirectoryStream(dir);
        }
        PathMatcher matcher = new Glob(glob);
        return new Listing(dir, entry -> matcher.matches(entry.getFileName()));
    }

    public static DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return new Listing(dir, Objects.requireNonNull(filter));
    }

    /** The entries of dir, each resolved against it; the listing is read at once. */
    public static Stream<Path> list(Path dir) throws IOException {
        String[] names = Listing.names(dir);
        List<Path> paths = new ArrayList<>(names.length);
        for (String name : names) {
            paths.add(dir.resolve(name));
        }
        return paths.stream();
    }

    public static Stream<Path> walk(Path start, int maxDepth, FileVisitOption... options) throws IOException {
        TreeWalker.checkDepth(maxDepth);
        TreeWalker.checkOptions(options);
        Iterator<TreeWalker.Entry> entries = TreeWalker.entries(start, maxDepth);
        return stream(new Iterator<Path>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Path next() {
                return entries.next().path;
            }
        });
    }

    public static Stream<Path> walk(Path start, FileVisitOption... options) throws IOException {
        return walk(start, Integer.MAX_VALUE, options);
    }

    public static Stream<Path> find(Path start, int maxDepth, BiPredicate<Path, BasicFileAttributes> matcher,
            FileVisitOption... options) throws IOException {
        Objects.requireNonNull(matcher);
        TreeWalker.checkDepth(maxDepth);
        TreeWalker.checkOptions(options);
        Iterator<TreeWalker.Entry> entries = TreeWalker.entries(start, maxDepth);
        return stream(new Iterator<Path>() {
            private Path next;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    TreeWalker.Entry e = entries.next();
                    if (matcher.test(e.path, e.attrs)) {
                        next = e.path;
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
        });
    }

    private static <T> Stream<T> stream(Iterator<T> it) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.DISTINCT | Spliterator.NONNULL), false);
    }

    public static Path walkFileTree(Path start, Set<FileVisitOption> options, int maxDepth,
            FileVisitor<? super Path> visitor) throws IOException {
        Objects.requireNonNull(start);
        Objects.requireNonNull(visitor);
        for (FileVisitOption o : options) {
            Objects.requireNonNull(o);
        }
        TreeWalker.checkDepth(maxDepth);
        TreeWalker.walkFileTree(start, maxDepth, visitor);
        return start;
    }

    public static Path walkFileTree(Path start, FileVisitor<? super Path> visitor) throws IOException {
        return walkFileTree(start, Set.of(), Integer.MAX_VALUE, visitor);
    }

    // ---- creating and deleting ----

    public static Path createFile(Path path, FileAttribute<?>... attrs) throws IOException {
        checkCreateAttributes(attrs);
        int fd = openWrite(abs(path), Fs.WRITE | Fs.CREATE_NEW);
        if (fd < 0) {
            throw failure(fd, path.toString(), null);
        }
        Fs.close(fd);
        return path;
    }

    public static Path createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        checkCreateAttributes(attrs);
        int code = Fs.mkdir(abs(dir));
        if (code < 0) {
            throw failure(code, dir.toString(), null);
        }
        return dir;
    }

    /**
     * Creates dir and the missing directories above it. When dir itself cannot be made, the
     * walk up to the nearest existing directory and the creations below it use dir made
     * absolute, so later failures name absolute paths and that is what returns, as in the JDK.
     */
    public static Path createDirectories(Path dir, FileAttribute<?>... attrs) throws IOException {
        try {
            createDirectoryIfAbsent(dir, attrs);
            return dir;
        } catch (FileAlreadyExistsException x) {
            throw x;
        } catch (IOException x) {
            // Most likely a missing parent: go on below.
        }
        dir = dir.toAbsolutePath();
        Path parent = dir.getParent();
        while (parent != null) {
            int kind = stat(parent, new long[3]);
            if (kind >= 0) {
                break;
            }
            if (kind != Fs.ENOENT) {
                throw failure(kind, parent.toString(), null);
            }
            parent = parent.getParent();
        }
        if (parent == null) {
            throw new FileSystemException(dir.toString(), null, "Unable to determine if root directory exists");
        }
        Path child = parent;
        for (Path name : parent.relativize(dir)) {
            child = child.resolve(name);
            createDirectoryIfAbsent(child, attrs);
        }
        return dir;
    }

    private static void createDirectoryIfAbsent(Path dir, FileAttribute<?>[] attrs) throws IOException {
        try {
            createDirectory(dir, attrs);
        } catch (FileAlreadyExistsException x) {
            if (!isDirectory(dir)) {
                throw x;
            }
        }
    }

    /** dir/prefix + a random unsigned long + suffix, which must name an entry directly in dir. */
    private static Path tempPath(Path dir, String prefix, String suffix) {
        Random r;
        synchronized (Files.class) {
            if (tempNames == null) {
                tempNames = new Random();
            }
            r = tempNames;
        }
        Path name = dir.getFileSystem().getPath(prefix + Long.toUnsignedString(r.nextLong()) + suffix);
        if (name.getParent() != null) {
            throw new IllegalArgumentException("Invalid prefix or suffix");
        }
        return dir.resolve(name);
    }

    private static Path tempDir() {
        String tmp = System.getProperty("java.io.tmpdir");
        return Path.of(tmp == null || tmp.isEmpty() ? "/tmp" : tmp);
    }

    private static Path createTemp(Path dir, String prefix, String suffix, boolean directory, FileAttribute<?>[] attrs)
            throws IOException {
        checkCreateAttributes(attrs);
        String p = prefix == null ? "" : prefix;
        String s = suffix != null ? suffix : directory ? "" : ".tmp";
        while (true) {
            Path path = tempPath(dir, p, s);
            try {
                return directory ? createDirectory(path) : createFile(path);
            } catch (FileAlreadyExistsException x) {
                // Taken: draw another name.
            }
        }
    }

    public static Path createTempFile(Path dir, String prefix, String suffix, FileAttribute<?>... attrs)
            throws IOException {
        return createTemp(Objects.requireNonNull(dir), prefix, suffix, false, attrs);
    }

    public static Path createTempFile(String prefix, String suffix, FileAttribute<?>... attrs) throws IOException {
        return createTemp(tempDir(), prefix, suffix, false, attrs);
    }

    public static Path createTempDirectory(Path dir, String prefix, FileAttribute<?>... attrs) throws IOException {
        return createTemp(Objects.requireNonNull(dir), prefix, null, true, attrs);
    }

    public static Path createTempDirectory(String prefix, FileAttribute<?>... attrs) throws IOException {
        return createTemp(tempDir(), prefix, null, true, attrs);
    }

    /** Deletes a file or an empty directory. */
    public static void delete(Path path) throws IOException {
        int code = Fs.delete(abs(path));
        if (code < 0) {
            throw deleteFailure(code, path);
        }
    }

    /** Linux's rmdir says ENOTEMPTY or EEXIST for a directory with entries. */
    private static IOException deleteFailure(int code, Path path) {
        if (code == Fs.ENOTEMPTY || code == Fs.EEXIST) {
            return new DirectoryNotEmptyException(path.toString());
        }
        return failure(code, path.toString(), null);
    }

    public static boolean deleteIfExists(Path path) throws IOException {
        int code = Fs.delete(abs(path));
        if (code == Fs.ENOENT) {
            return false;
        }
        if (code < 0) {
            throw deleteFailure(code, path);
        }
        return true;
    }

    // ---- copying and moving ----

    /**
     * Copies a file's bytes, or makes an empty directory for a directory. An existing target
     * (other than source itself) is an error unless REPLACE_EXISTING, which deletes it first;
     * COPY_ATTRIBUTES carries the modification time over.
     */
    public static Path copy(Path source, Path target, CopyOption... options) throws IOException {
        boolean replace = false;
        boolean attributes = false;
        for (CopyOption o : options) {
            if (o == StandardCopyOption.REPLACE_EXISTING) {
                replace = true;
            } else if (o == StandardCopyOption.COPY_ATTRIBUTES) {
                attributes = true;
            } else if (o == null) {
                throw new NullPointerException();
            } else if (o != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("Unsupported copy option");
            }
        }
        long[] from = new long[3];
        int kind = stat(source, from);
        if (kind < 0) {
            throw failure(kind, source.toString(), null);
        }
        if (prepareTarget(source, target, replace)) {
            return target;
        }
        String to = abs(target);
        if (kind == Fs.DIRECTORY) {
            int code = Fs.mkdir(to);
            if (code < 0) {
                throw failure(code, target.toString(), null);
            }
        } else {
            copyBytes(source, target, to);
        }
        if (attributes) {
            Fs.setModified(to, from[Fs.MODIFIED]);
        }
        return target;
    }

    /**
     * Clears the way for target: true if it is source itself (nothing to do); an error if it
     * exists without replace; deleted if it exists with replace.
     */
    private static boolean prepareTarget(Path source, Path target, boolean replace) throws IOException {
        String to = abs(target);
        int kind = Fs.stat(to, new long[3]);
        if (kind < 0) {
            return false;
        }
        if (to.equals(abs(source))) {
            return true;
        }
        if (!replace) {
            throw new FileAlreadyExistsException(target.toString());
        }
        int code = Fs.delete(to);
        if (code < 0 && code != Fs.ENOENT) {
            throw deleteFailure(code, target);
        }
        return false;
    }

    /** Copies a regular file's bytes into a new file at to, deleting that again if the copy fails. */
    private static void copyBytes(Path source, Path target, String to) throws IOException {
        int in = Fs.open(abs(source), Fs.READ);
        if (in < 0) {
            throw failure(in, source.toString(), null);
        }
        try {
            int out = openWrite(to, Fs.WRITE | Fs.CREATE_NEW);
            if (out < 0) {
                throw failure(out, target.toString(), null);
            }
            boolean done = false;
            try {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = Fs.read(in, buf, 0, buf.length)) >= 0) {
                    Fs.write(out, buf, 0, n);
                }
                done = true;
            } finally {
                Fs.close(out);
                if (!done) {
                    Fs.delete(to);
                }
            }
        } finally {
            Fs.close(in);
        }
    }

    /** Copies in to a new file (REPLACE_EXISTING replaces one); how many bytes. */
    public static long copy(InputStream in, Path target, CopyOption... options) throws IOException {
        Objects.requireNonNull(in);
        boolean replace = false;
        for (CopyOption o : options) {
            if (o == StandardCopyOption.REPLACE_EXISTING) {
                replace = true;
            } else if (o == null) {
                throw new NullPointerException("options contains 'null'");
            } else {
                throw new UnsupportedOperationException(o + " not supported");
            }
        }
        if (replace) {
            deleteIfExists(target);
        }
        try (OutputStream out = newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            return in.transferTo(out);
        }
    }

    public static long copy(Path source, OutputStream out) throws IOException {
        Objects.requireNonNull(out);
        try (InputStream in = newInputStream(source)) {
            return in.transferTo(out);
        }
    }

    /**
     * Renames source to target. ATOMIC_MOVE renames directly, replacing a file at target, and
     * names both paths in its failures; otherwise an existing target is an error unless
     * REPLACE_EXISTING, which deletes it first.
     */
    public static Path move(Path source, Path target, CopyOption... options) throws IOException {
        boolean replace = false;
        boolean atomic = false;
        for (CopyOption o : options) {
            if (o == StandardCopyOption.REPLACE_EXISTING) {
                replace = true;
            } else if (o == StandardCopyOption.ATOMIC_MOVE) {
                atomic = true;
            } else if (o == null) {
                throw new NullPointerException();
            } else if (o != StandardCopyOption.COPY_ATTRIBUTES && o != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("Unsupported copy option");
            }
        }
        String from = abs(source);
        String to = abs(target);
        if (!atomic) {
            int kind = Fs.stat(from, new long[3]);
            if (kind < 0) {
                throw failure(kind, source.toString(), null);
            }
            if (prepareTarget(source, target, replace)) {
                return target;
            }
        }
        int code = Fs.rename(from, to, true);
        if (code < 0) {
            throw failure(code, source.toString(), target.toString());
        }
        return target;
    }

    // ---- attributes ----

    public static boolean isSameFile(Path path, Path path2) throws IOException {
        if (path.equals(path2)) {
            return true;
        }
        UnixAttributes.read(path);
        UnixAttributes.read(path2);
        return abs(path).equals(abs(path2));
    }

    /** Whether the file's name starts with '.'. */
    public static boolean isHidden(Path path) throws IOException {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @SuppressWarnings("unchecked")
    public static <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        Objects.requireNonNull(type);
        checkLinkOptions(options);
        if (type != BasicFileAttributes.class) {
            throw new UnsupportedOperationException();
        }
        return (A) UnixAttributes.read(path);
    }

    public static FileTime getLastModifiedTime(Path path, LinkOption... options) throws IOException {
        checkLinkOptions(options);
        return UnixAttributes.read(path).lastModifiedTime();
    }

    public static Path setLastModifiedTime(Path path, FileTime time) throws IOException {
        Objects.requireNonNull(time);
        int code = Fs.setModified(abs(path), time.toMillis());
        if (code < 0) {
            throw failure(code, path.toString(), null);
        }
        return path;
    }

    public static long size(Path path) throws IOException {
        return UnixAttributes.read(path).size();
    }

    public static boolean isSymbolicLink(Path path) {
        Objects.requireNonNull(path);
        return false;
    }

    public static boolean isDirectory(Path path, LinkOption... options) {
        checkLinkOptions(options);
        return stat(path, new long[3]) == Fs.DIRECTORY;
    }

    public static boolean isRegularFile(Path path, LinkOption... options) {
        checkLinkOptions(options);
        return stat(path, new long[3]) == Fs.FILE;
    }

    public static boolean exists(Path path, LinkOption... options) {
        checkLinkOptions(options);
        return stat(path, new long[3]) >= 0;
    }

    /** True only when the file is known to be absent; false when it exists or cannot be told (e.g. ENOTDIR). */
    public static boolean notExists(Path path, LinkOption... options) {
        checkLinkOptions(options);
        return stat(path, new long[3]) == Fs.ENOENT;
    }

    private static boolean hasAccess(Path path, int bit) {
        long[] out = new long[3];
        return stat(path, out) >= 0 && (out[Fs.ACCESS] & bit) != 0;
    }

    public static boolean isReadable(Path path) {
        return hasAccess(path, 4);
    }

    public static boolean isWritable(Path path) {
        return hasAccess(path, 2);
    }

    public static boolean isExecutable(Path path) {
        return hasAccess(path, 1);
    }

    // ---- whole files ----

    public static byte[] readAllBytes(Path path) throws IOException {
        int fd = Fs.open(abs(path), Fs.READ);
        if (fd == Fs.EISDIR) {
            // Linux opens a directory and fails the read; the JDK reports that read's error alone.
            throw new IOException(Fs.message(fd));
        }
        if (fd < 0) {
            throw failure(fd, path.toString(), null);
        }
        try {
            long size = Fs.size(fd);
            if (size > MAX_BUFFER_SIZE) {
                throw new OutOfMemoryError("Required array size too large");
            }
            byte[] buf = new byte[(int) size];
            int n = 0;
            int r;
            while (n < buf.length && (r = Fs.read(fd, buf, n, buf.length - n)) >= 0) {
                n += r;
            }
            if (n < buf.length) {
                return Arrays.copyOf(buf, n);
            }
            // The file may have grown since its size was read: read on to its end.
            byte[] more = new byte[BUFFER_SIZE];
            while ((r = Fs.read(fd, more, 0, more.length)) >= 0) {
                if (buf.length - n < r) {
                    if (n > MAX_BUFFER_SIZE - r) {
                        throw new OutOfMemoryError("Required array size too large");
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(MAX_BUFFER_SIZE, Math.max(2L * buf.length, (long) n + r)));
                }
                System.arraycopy(more, 0, buf, n, r);
                n += r;
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        } finally {
            Fs.close(fd);
        }
    }

    public static String readString(Path path, Charset cs) throws IOException {
        Objects.requireNonNull(path);
        Objects.requireNonNull(cs);
        byte[] b = readAllBytes(path);
        StrictText.checkDecodable(b, cs);
        return new String(b, cs);
    }

    public static String readString(Path path) throws IOException {
        return readString(path, StandardCharsets.UTF_8);
    }

    public static List<String> readAllLines(Path path, Charset cs) throws IOException {
        try (BufferedReader reader = newBufferedReader(path, cs)) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        }
    }

    public static List<String> readAllLines(Path path) throws IOException {
        return readAllLines(path, StandardCharsets.UTF_8);
    }

    /** The file's lines, read as the stream is consumed; closing the stream closes the file. */
    public static Stream<String> lines(Path path, Charset cs) throws IOException {
        BufferedReader reader = newBufferedReader(path, cs);
        try {
            Iterator<String> it = new Iterator<String>() {
                private String next;

                @Override
                public boolean hasNext() {
                    if (next == null) {
                        try {
                            next = reader.readLine();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return next != null;
                }

                @Override
                public String next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    String line = next;
                    next = null;
                    return line;
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                    .onClose(() -> {
                        try {
                            reader.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (Error | RuntimeException e) {
            try {
                reader.close();
            } catch (IOException x) {
                e.addSuppressed(x);
            }
            throw e;
        }
    }

    public static Stream<String> lines(Path path) throws IOException {
        return lines(path, StandardCharsets.UTF_8);
    }

    public static Path write(Path path, byte[] bytes, OpenOption... options) throws IOException {
        Objects.requireNonNull(bytes);
        try (OutputStream out = newOutputStream(path, options)) {
            out.write(bytes, 0, bytes.length);
        }
        return path;
    }

    /** Writes each line followed by the line separator. */
    public static Path write(Path path, Iterable<? extends CharSequence> lines, Charset cs, OpenOption... options)
            throws IOException {
        Objects.requireNonNull(lines);
        Objects.requireNonNull(cs);
        try (BufferedWriter writer = newBufferedWriter(path, cs, options)) {
            for (CharSequence line : lines) {
                // A null line is written as "null", as Writer.append does.
                if (line != null) {
                    StrictText.checkEncodable(line, cs);
                }
                writer.append(line);
                writer.newLine();
            }
        }
        return path;
    }

    public static Path write(Path path, Iterable<? extends CharSequence> lines, OpenOption... options)
            throws IOException {
        return write(path, lines, StandardCharsets.UTF_8, options);
    }

    /** Encodes the text first, so that text the charset cannot encode leaves the file untouched. */
    public static Path writeString(Path path, CharSequence csq, Charset cs, OpenOption... options) throws IOException {
        Objects.requireNonNull(path);
        Objects.requireNonNull(csq);
        Objects.requireNonNull(cs);
        StrictText.checkEncodable(csq, cs);
        return write(path, csq.toString().getBytes(cs), options);
    }

    public static Path writeString(Path path, CharSequence csq, OpenOption... options) throws IOException {
        return writeString(path, csq, StandardCharsets.UTF_8, options);
    }

    /** The offset of the first byte where the two files differ, the smaller size if one is a prefix of the other, or -1. */
    public static long mismatch(Path path, Path path2) throws IOException {
        if (isSameFile(path, path2)) {
            return -1;
        }
        try (InputStream a = newInputStream(path); InputStream b = newInputStream(path2)) {
            byte[] ba = new byte[BUFFER_SIZE];
            byte[] bb = new byte[BUFFER_SIZE];
            long offset = 0;
            while (true) {
                int na = a.readNBytes(ba, 0, ba.length);
                int nb = b.readNBytes(bb, 0, bb.length);
                int n = Math.min(na, nb);
                for (int i = 0; i < n; i++) {
                    if (ba[i] != bb[i]) {
                        return offset + i;
                    }
                }
                if (na != nb) {
                    return offset + n;
                }
                if (na < ba.length) {
                    return -1;
                }
                offset += n;
            }
        }
    }
}
