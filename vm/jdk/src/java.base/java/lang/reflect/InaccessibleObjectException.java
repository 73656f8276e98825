/** Thrown when setAccessible(true) cannot suppress access checks, for members of java.base. */
package java.lang.reflect;

public class InaccessibleObjectException extends RuntimeException {
    private static final long serialVersionUID = 4158786093378140901L;

    public InaccessibleObjectException() {
        super();
    }

    public InaccessibleObjectException(String msg) {
        super(msg);
    }
}
