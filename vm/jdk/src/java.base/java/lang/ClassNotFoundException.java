/** Thrown when a class cannot be found by name. */
package java.lang;

public class ClassNotFoundException extends ReflectiveOperationException {
    public ClassNotFoundException() {
        super((String) null, (Throwable) null);
    }

    public ClassNotFoundException(String message) {
        super(message, (Throwable) null);
    }

    public ClassNotFoundException(String message, Throwable ex) {
        super(message, ex);
    }

    public Throwable getException() {
        return getCause();
    }
}
