/** How a file is opened: StandardOpenOption or LinkOption. */
package java.nio.file;

public interface OpenOption {
}
