// The base of the exceptions for bad format strings or arguments.
package java.util;

public class IllegalFormatException extends IllegalArgumentException {
    IllegalFormatException() {
        super();
    }
}
