/**
 * The initialization driver (JLS 12.4.2, steps 7 to 9): the VM pushes {@link #initialize} as the
 * frame that initializes a class whose superclass or superinterfaces still need initializing,
 * after marking the class in progress by the current thread. Its program counter is the progress
 * of step 7, so a capture inside it needs nothing special, and a recursive request for the class
 * from a superclass's static initializer proceeds at once (step 3). The VM hides its frame from
 * stack traces; when it returns, the class is initialized, and when an exception leaves it, the
 * class is erroneous.
 */
package jdk.internal.phantom;

final class ClassInit {
    private ClassInit() {}

    static void initialize(Class<?> c) {
        Class<?>[] supers = supers0(c);
        for (int i = 0; i < supers.length; i++) {
            init0(supers[i]);
        }
        clinit0(c);
    }

    /** The superclass, then the superinterfaces declaring default methods, in step 7's order. */
    private static native Class<?>[] supers0(Class<?> c);

    /** Initializes a class (waiting for another thread's initialization, or running its own). */
    private static native void init0(Class<?> c);

    /** Runs the class's static initializer, if it has one (step 9). */
    private static native void clinit0(Class<?> c);
}
