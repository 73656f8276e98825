/** A destination whose buffered output can be flushed. */
package java.io;

public interface Flushable {
    void flush() throws IOException;
}
