/** Named by javac as the result type of bootstrap methods; the VM links call sites itself. */
package java.lang.invoke;

public abstract class CallSite {
    CallSite() {}
}
