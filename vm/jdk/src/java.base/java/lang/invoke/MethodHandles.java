/**
 * Present so that javac can name MethodHandles.Lookup in the bootstrap signatures of the
 * invokedynamic sites it emits; the VM links those sites itself, so nothing here is usable.
 */
package java.lang.invoke;

public class MethodHandles {
    private MethodHandles() {}

    /** Named by javac in InnerClasses attributes of classes with invokedynamic sites. */
    public static final class Lookup {
        private Lookup() {}
    }
}
