/**
 * The main thread's first frame, as {@code java}'s launcher: the VM checks {@code main} (as the
 * launcher's {@code Class.getMethod} lookup would) and pushes {@link #run}, which initializes the
 * main class and then calls {@code main} in place of a native. The VM hides this frame from stack
 * traces and stack walkers, as HotSpot has no Java frame below {@code main}: an exception in the
 * main class's static initializer reaches the thread as an ExceptionInInitializerError with an
 * empty stack trace, and is reported as HotSpot reports it.
 */
package jdk.internal.phantom;

final class Launcher {
    private Launcher() {}

    static void run(Class<?> main, String[] args) {
        initialize(main);
        callMain(main, args);
    }

    /** Initializes the class (running its static initializer as frames above this one). */
    private static native void initialize(Class<?> c);

    /** Calls the class's main method with the arguments; main's frame replaces the native's. */
    private static native void callMain(Class<?> c, String[] args);
}
