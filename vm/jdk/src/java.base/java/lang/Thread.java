/** A thread of execution; the VM runs each started thread from threadMain. */
package java.lang;

public class Thread implements Runnable {
    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;

    /** Handles uncaught exceptions of a thread. */
    @FunctionalInterface
    public interface UncaughtExceptionHandler {
        void uncaughtException(Thread t, Throwable e);
    }

    private static int threadInitNumber;
    /**
     * The last thread id handed out. The main thread, made by the VM, has id 1; HotSpot 17 (as the
     * expected outputs run it: -Xint, serial GC) gives ids 2 to 8 to its own system threads, so
     * the first thread a program creates gets 9 there, and here too.
     */
    private static long threadSeqNumber = 8;
    private static volatile UncaughtExceptionHandler defaultUncaughtExceptionHandler;

    private long tid;
    private volatile String name;
    private Runnable target;
    private int priority;
    private boolean daemon;
    private volatile boolean alive;
    private Object uncaughtExceptionHandler;
    private boolean started;
    /** The thread's group; null for the main thread, which the VM makes, and which is in "main". */
    private ThreadGroup group;
    private ClassLoader contextClassLoader;
    private boolean contextClassLoaderSet;
    /** This thread's ThreadLocal values, created on first use. */
    ThreadLocal.Values threadLocals;
    /** This thread's InheritableThreadLocal values, copied from its creator's. */
    ThreadLocal.Values inheritableThreadLocals;

    public Thread() {
        init(null, generatedName());
    }

    public Thread(Runnable target) {
        init(target, generatedName());
    }

    public Thread(String name) {
        init(null, checkName(name));
    }

    public Thread(Runnable target, String name) {
        init(target, checkName(name));
    }

    public Thread(ThreadGroup group, Runnable target) {
        init(target, generatedName());
        setGroup(group);
    }

    public Thread(ThreadGroup group, String name) {
        init(null, checkName(name));
        setGroup(group);
    }

    public Thread(ThreadGroup group, Runnable target, String name) {
        init(target, checkName(name));
        setGroup(group);
    }

    public Thread(ThreadGroup group, Runnable target, String name, long stackSize) {
        init(target, checkName(name));
        setGroup(group);
    }

    public Thread(ThreadGroup group, Runnable target, String name, long stackSize, boolean inheritThreadLocals) {
        init(target, checkName(name));
        setGroup(group);
        if (!inheritThreadLocals) {
            this.inheritableThreadLocals = null;
        }
    }

    private void setGroup(ThreadGroup g) {
        if (g != null) {
            group = g;
            daemon = g.isDaemon() || daemon;
            if (priority > g.getMaxPriority()) {
                priority = g.getMaxPriority();
            }
        }
    }

    public final ThreadGroup getThreadGroup() {
        if (started && !alive) {
            return null;
        }
        return group != null ? group : ThreadGroup.MAIN;
    }

    public static int activeCount() {
        return currentThread().getThreadGroup().activeCount();
    }

    public static int enumerate(Thread[] tarray) {
        return currentThread().getThreadGroup().enumerate(tarray);
    }

    /** The live threads, for ThreadGroup. */
    static Thread[] liveThreads() {
        return getThreads();
    }

    public ClassLoader getContextClassLoader() {
        return contextClassLoaderSet ? contextClassLoader : ClassLoader.getSystemClassLoader();
    }

    public void setContextClassLoader(ClassLoader cl) {
        contextClassLoader = cl;
        contextClassLoaderSet = true;
    }

    private static String generatedName() {
        return "Thread-" + nextThreadNum();
    }

    private static String checkName(String name) {
        if (name == null) {
            throw new NullPointerException("name cannot be null");
        }
        return name;
    }

    private void init(Runnable target, String name) {
        this.name = name;
        this.target = target;
        this.tid = nextThreadId();
        Thread parent = currentThread();
        if (parent != null) {
            this.priority = parent.priority;
            this.daemon = parent.daemon;
            this.group = parent.group;
            this.contextClassLoader = parent.contextClassLoader;
            this.contextClassLoaderSet = parent.contextClassLoaderSet;
            if (parent.inheritableThreadLocals != null) {
                this.inheritableThreadLocals = new ThreadLocal.Values(parent.inheritableThreadLocals);
            }
        } else {
            this.priority = NORM_PRIORITY;
        }
    }

    private static synchronized int nextThreadNum() {
        return threadInitNumber++;
    }

    private static synchronized long nextThreadId() {
        return ++threadSeqNumber;
    }

    public static native Thread currentThread();

    /** Native, as in HotSpot, so that a yielding thread's stack shows it as a native frame. */
    public static native void yield();

    /**
     * Native, as in HotSpot, so that a sleeping thread's stack (and the trace of the
     * InterruptedException or IllegalArgumentException it throws) shows
     * {@code java.lang.Thread.sleep(Native Method)} on top.
     */
    public static native void sleep(long millis) throws InterruptedException;

    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        if (nanos > 0 && millis < Long.MAX_VALUE) {
            millis++;
        }
        sleep(millis);
    }

    public static void onSpinWait() {}

    public synchronized void start() {
        if (started) {
            throw new IllegalThreadStateException();
        }
        started = true;
        alive = true;
        try {
            start0();
        } catch (Throwable t) {
            alive = false;
            throw t;
        }
    }

    private native void start0();

    @Override
    public void run() {
        Runnable task = target;
        if (task != null) {
            task.run();
        }
    }

    /** Where the VM starts a new thread: run it, report what escapes, then wake the joiners. */
    private void threadMain() {
        try {
            run();
        } catch (Throwable e) {
            dispatchUncaughtException(e);
        } finally {
            target = null;
            synchronized (this) {
                alive = false;
                notifyAll();
            }
        }
    }

    /** Hands an exception that ended the thread to its handler, as HotSpot's threads do. */
    void dispatchUncaughtException(Throwable e) {
        try {
            Object handler = uncaughtExceptionHandler;
            UncaughtExceptionHandler h;
            try {
                h = handler != null ? (UncaughtExceptionHandler) handler : getThreadGroup();
            } catch (Throwable noGroup) {
                h = null;
            }
            (h != null ? h : DefaultHandler.INSTANCE).uncaughtException(this, e);
        } catch (Throwable ignored) {
            // An exception thrown by the handler itself is ignored, as in the JDK.
        }
    }

    public void interrupt() {
        interrupt0();
    }

    private native void interrupt0();

    public static boolean interrupted() {
        return interrupted0();
    }

    private static native boolean interrupted0();

    public boolean isInterrupted() {
        return isInterrupted0();
    }

    private native boolean isInterrupted0();

    public final boolean isAlive() {
        return alive;
    }

    public final void setPriority(int newPriority) {
        if (newPriority > MAX_PRIORITY || newPriority < MIN_PRIORITY) {
            throw new IllegalArgumentException();
        }
        ThreadGroup g = getThreadGroup();
        if (g != null && newPriority > g.getMaxPriority()) {
            newPriority = g.getMaxPriority();
        }
        priority = newPriority;
    }

    public final int getPriority() {
        return priority;
    }

    public final synchronized void setName(String name) {
        if (name == null) {
            throw new NullPointerException("name cannot be null");
        }
        this.name = name;
    }

    public final String getName() {
        return name;
    }

    public final synchronized void join(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (millis == 0) {
            while (alive) {
                wait(0);
            }
            return;
        }
        long deadline = System.nanoTime() + millis * 1000000L;
        long delay = millis;
        while (alive && delay > 0) {
            wait(delay);
            delay = (deadline - System.nanoTime()) / 1000000L;
        }
    }

    public final synchronized void join(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        if (nanos > 0 && millis < Long.MAX_VALUE) {
            millis++;
        }
        join(millis);
    }

    public final void join() throws InterruptedException {
        join(0);
    }

    private static final StackTraceElement[] EMPTY_STACK_TRACE = new StackTraceElement[0];

    /**
     * This thread's stack: for the current thread, a new exception's; for another, what the VM
     * sees of it now, and nothing for a thread not started or already ended.
     */
    public StackTraceElement[] getStackTrace() {
        if (this != Thread.currentThread()) {
            if (!isAlive()) {
                return EMPTY_STACK_TRACE;
            }
            StackTraceElement[] stackTrace = dumpThreads(new Thread[] {this})[0];
            // A thread alive at the isAlive call may have ended since.
            return stackTrace == null ? EMPTY_STACK_TRACE : stackTrace;
        } else {
            return (new Exception()).getStackTrace();
        }
    }

    /** The stacks of every live thread, as HotSpot's map (a HashMap keyed by thread). */
    public static java.util.Map<Thread, StackTraceElement[]> getAllStackTraces() {
        Thread[] threads = getThreads();
        StackTraceElement[][] traces = dumpThreads(threads);
        java.util.Map<Thread, StackTraceElement[]> m = new java.util.HashMap<>(threads.length);
        for (int i = 0; i < threads.length; i++) {
            StackTraceElement[] stackTrace = traces[i];
            if (stackTrace != null) {
                m.put(threads[i], stackTrace);
            }
        }
        return m;
    }

    /** The threads the VM runs that have started and not ended, in the order they started. */
    private static native Thread[] getThreads();

    /** The stack of each thread, or null for one not alive (VM-built elements, nothing left out of their toString). */
    private static native StackTraceElement[][] dumpThreads(Thread[] threads);

    public static void dumpStack() {
        new Exception("Stack trace").printStackTrace();
    }

    public final void setDaemon(boolean on) {
        if (isAlive()) {
            throw new IllegalThreadStateException();
        }
        daemon = on;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    public final void checkAccess() {}

    @Override
    public String toString() {
        // HotSpot drops the group when the thread ends.
        ThreadGroup g = getThreadGroup();
        return "Thread[" + getName() + "," + getPriority() + "," + (g == null ? "" : g.getName()) + "]";
    }

    /** A thread's state, as getState reports it. */
    public enum State {
        NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED
    }

    /** NEW before start, TERMINATED once run has ended, and in between what the VM says. */
    public State getState() {
        if (alive) {
            switch (getState0()) {
                case 2: return State.BLOCKED;
                case 3: return State.WAITING;
                case 4: return State.TIMED_WAITING;
                case 5: return State.TERMINATED;
                default: return State.RUNNABLE;
            }
        }
        return started ? State.TERMINATED : State.NEW;
    }

    // 1 RUNNABLE, 2 BLOCKED, 3 WAITING, 4 TIMED_WAITING, 5 TERMINATED (the State ordinals).
    private native int getState0();

    public static native boolean holdsLock(Object obj);

    public long getId() {
        return tid;
    }

    public static void setDefaultUncaughtExceptionHandler(UncaughtExceptionHandler eh) {
        defaultUncaughtExceptionHandler = eh;
    }

    public static UncaughtExceptionHandler getDefaultUncaughtExceptionHandler() {
        return defaultUncaughtExceptionHandler;
    }

    public UncaughtExceptionHandler getUncaughtExceptionHandler() {
        Object handler = uncaughtExceptionHandler;
        if (handler != null) {
            return (UncaughtExceptionHandler) handler;
        }
        return getThreadGroup();
    }

    public void setUncaughtExceptionHandler(UncaughtExceptionHandler eh) {
        uncaughtExceptionHandler = eh;
    }

    /** Plays the part of the thread group: the default handler if set, else HotSpot's report on System.err. */
    private static final class DefaultHandler implements UncaughtExceptionHandler {
        static final DefaultHandler INSTANCE = new DefaultHandler();

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            UncaughtExceptionHandler ueh = defaultUncaughtExceptionHandler;
            if (ueh != null) {
                ueh.uncaughtException(t, e);
                return;
            }
            System.err.print("Exception in thread \"" + t.getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }
}
