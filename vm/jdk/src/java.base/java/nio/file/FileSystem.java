/** A file system: the factory of its paths, with its separator and roots. */
package java.nio.file;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;

// Providers, file stores, user principals and watch services are not provided.
public abstract class FileSystem implements Closeable {
    protected FileSystem() {}

    @Override
    public abstract void close() throws IOException;

    public abstract boolean isOpen();

    public abstract boolean isReadOnly();

    public abstract String getSeparator();

    public abstract Iterable<Path> getRootDirectories();

    public abstract Set<String> supportedFileAttributeViews();

    public abstract Path getPath(String first, String... more);

    /** "glob:pattern" or "regex:pattern", the syntax named in any case. */
    public abstract PathMatcher getPathMatcher(String syntaxAndPattern);
}
