/** A directory could not be deleted or replaced because it has entries. */
package java.nio.file;

public class DirectoryNotEmptyException extends FileSystemException {
    public DirectoryNotEmptyException(String dir) {
        super(dir);
    }
}
