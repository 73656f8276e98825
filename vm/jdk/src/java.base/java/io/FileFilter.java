/** Chooses files when a directory is listed. */
package java.io;

@FunctionalInterface
public interface FileFilter {
    boolean accept(File pathname);
}
