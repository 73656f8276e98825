/** The running VM: exit, processors and memory. */
package java.lang;

public class Runtime {
    private static final Runtime CURRENT = new Runtime();

    private Runtime() {}

    public static Runtime getRuntime() {
        return CURRENT;
    }

    public void exit(int status) {
        exit0(status);
    }

    public void halt(int status) {
        exit0(status);
    }

    private static native void exit0(int status);

    public native int availableProcessors();

    public native long freeMemory();

    public native long totalMemory();

    public native long maxMemory();

    public native void gc();
}
