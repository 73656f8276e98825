/** How a file is copied or moved: StandardCopyOption or LinkOption. */
package java.nio.file;

public interface CopyOption {
}
