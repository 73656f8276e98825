/** Signals that an I/O operation was interrupted. */
package java.io;

public class InterruptedIOException extends IOException {
    public int bytesTransferred = 0;

    public InterruptedIOException() {
        super();
    }

    public InterruptedIOException(String message) {
        super(message);
    }
}
