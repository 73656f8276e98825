/** What a FileVisitor tells the walk to do next. */
package java.nio.file;

public enum FileVisitResult {
    CONTINUE,
    TERMINATE,
    SKIP_SUBTREE,
    SKIP_SIBLINGS
}
