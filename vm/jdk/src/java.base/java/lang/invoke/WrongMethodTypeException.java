/** Thrown when a method handle is called with, or adapted to, a type it cannot take. */
package java.lang.invoke;

public class WrongMethodTypeException extends RuntimeException {
    private static final long serialVersionUID = 292L;

    public WrongMethodTypeException() {
        super();
    }

    public WrongMethodTypeException(String s) {
        super(s);
    }
}
