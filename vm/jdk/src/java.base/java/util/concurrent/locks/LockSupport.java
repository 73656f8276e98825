// Thread parking: each thread has one permit, which unpark grants and park consumes.
package java.util.concurrent.locks;

import java.util.HashMap;
import java.util.HashSet;

// Permits are kept in a set under one monitor; parked threads wait on it and unpark wakes them all.
public class LockSupport {
    private LockSupport() {
    }

    private static final Object LOCK = new Object();
    private static final HashSet<Thread> PERMITS = new HashSet<>();
    // The object each parked thread is blocked on, as park(Object) records it.
    private static final HashMap<Thread, Object> BLOCKERS = new HashMap<>();

    private static void setBlocker(Thread t, Object blocker) {
        synchronized (LOCK) {
            if (blocker == null) {
                BLOCKERS.remove(t);
            } else {
                BLOCKERS.put(t, blocker);
            }
        }
    }

    public static void setCurrentBlocker(Object blocker) {
        setBlocker(Thread.currentThread(), blocker);
    }

    public static void unpark(Thread thread) {
        if (thread != null) {
            synchronized (LOCK) {
                PERMITS.add(thread);
                LOCK.notifyAll();
            }
        }
    }

    public static void park() {
        parkNanos0(0L, false);
    }

    public static void park(Object blocker) {
        Thread t = Thread.currentThread();
        setBlocker(t, blocker);
        try {
            parkNanos0(0L, false);
        } finally {
            setBlocker(t, null);
        }
    }

    public static void parkNanos(long nanos) {
        if (nanos > 0) {
            parkNanos0(nanos, true);
        }
    }

    public static void parkNanos(Object blocker, long nanos) {
        if (nanos > 0) {
            Thread t = Thread.currentThread();
            setBlocker(t, blocker);
            try {
                parkNanos0(nanos, true);
            } finally {
                setBlocker(t, null);
            }
        }
    }

    public static void parkUntil(long deadline) {
        long nanos = (deadline - System.currentTimeMillis()) * 1000000L;
        if (nanos > 0) {
            parkNanos0(nanos, true);
        }
    }

    public static void parkUntil(Object blocker, long deadline) {
        Thread t = Thread.currentThread();
        setBlocker(t, blocker);
        try {
            parkUntil(deadline);
        } finally {
            setBlocker(t, null);
        }
    }

    // Returns when the permit is available (consuming it), the thread is interrupted, or the
    // time runs out.
    private static void parkNanos0(long nanos, boolean timed) {
        Thread t = Thread.currentThread();
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        synchronized (LOCK) {
            while (!PERMITS.remove(t)) {
                if (t.isInterrupted()) {
                    return;
                }
                try {
                    if (timed) {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0L) {
                            return;
                        }
                        long ms = remaining / 1000000L;
                        LOCK.wait(ms, (int) (remaining - ms * 1000000L));
                    } else {
                        LOCK.wait();
                    }
                } catch (InterruptedException e) {
                    t.interrupt();
                    return;
                }
            }
        }
    }

    public static Object getBlocker(Thread t) {
        if (t == null) {
            throw new NullPointerException();
        }
        synchronized (LOCK) {
            return BLOCKERS.get(t);
        }
    }
}
