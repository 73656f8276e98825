/** The process's one file system, Unix-like: "/" separates names and is the only root. */
package java.nio.file;

import java.util.List;
import java.util.Set;

final class UnixFileSystem extends FileSystem {
    static final UnixFileSystem INSTANCE = new UnixFileSystem();

    private final UnixPath root = new UnixPath(this, "/");

    private UnixFileSystem() {}

    UnixPath root() {
        return root;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(root);
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    /** first and the non-empty strings of more, joined with "/". */
    @Override
    public Path getPath(String first, String... more) {
        if (first == null) {
            throw new NullPointerException();
        }
        if (more.length == 0) {
            return new UnixPath(this, first);
        }
        StringBuilder sb = new StringBuilder(first);
        for (String s : more) {
            if (!s.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(s);
            }
        }
        return new UnixPath(this, sb.toString());
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException();
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        if (syntax.equalsIgnoreCase("glob")) {
            return new Glob(pattern);
        }
        if (syntax.equalsIgnoreCase("regex")) {
            return path -> path.toString().matches(pattern);
        }
        throw new UnsupportedOperationException("Syntax '" + syntax + "' not recognized");
    }
}
