// Creates threads on demand.
package java.util.concurrent;

public interface ThreadFactory {
    Thread newThread(Runnable r);
}
