/** Named by javac in the bootstrap signatures of invokedynamic sites; the VM links those sites itself. */
package java.lang.invoke;

public final class MethodType implements java.io.Serializable {
    private MethodType() {}
}
