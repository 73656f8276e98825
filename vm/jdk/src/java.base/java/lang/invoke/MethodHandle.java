/** Named by javac in bootstrap signatures; this VM has no method handles of its own. */
package java.lang.invoke;

public abstract class MethodHandle {
    MethodHandle() {}
}
