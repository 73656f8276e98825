/** A test of paths, such as a glob or a regular expression from FileSystem.getPathMatcher. */
package java.nio.file;

@FunctionalInterface
public interface PathMatcher {
    boolean matches(Path path);
}
