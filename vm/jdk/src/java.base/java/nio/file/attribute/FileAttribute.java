/** An attribute to set when creating a file, as a name and a value. */
package java.nio.file.attribute;

public interface FileAttribute<T> {
    String name();

    T value();
}
