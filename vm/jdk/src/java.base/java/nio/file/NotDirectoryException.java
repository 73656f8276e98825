/** An operation meant for a directory was given something else. */
package java.nio.file;

public class NotDirectoryException extends FileSystemException {
    public NotDirectoryException(String file) {
        super(file);
    }
}
