/** Options of walking a file tree. */
package java.nio.file;

public enum FileVisitOption {
    FOLLOW_LINKS
}
