// A task that returns a result and may throw.
package java.util.concurrent;

public interface Callable<V> {
    V call() throws Exception;
}
