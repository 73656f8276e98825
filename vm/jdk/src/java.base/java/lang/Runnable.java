/** A task with no arguments and no result. */
package java.lang;

@FunctionalInterface
public interface Runnable {
    void run();
}
