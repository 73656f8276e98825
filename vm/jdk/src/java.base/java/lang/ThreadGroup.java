/**
 * A group of threads, as HotSpot arranges them: the main thread and the threads it makes belong to
 * group "main", whose parent is "system". A group is the default handler of its threads' uncaught
 * exceptions. Membership is read from the threads themselves (the VM's list of live threads), so
 * a group keeps no list that a checkpoint would have to agree with.
 */
package java.lang;

import java.util.ArrayList;
import java.util.List;

public class ThreadGroup implements Thread.UncaughtExceptionHandler {
    private static final List<ThreadGroup> GROUPS = new ArrayList<>();
    static final ThreadGroup SYSTEM = new ThreadGroup();
    static final ThreadGroup MAIN = new ThreadGroup(SYSTEM, "main");

    private final ThreadGroup parent;
    private final String name;
    private int maxPriority;
    private boolean daemon;
    private boolean destroyed;

    private ThreadGroup() {
        this.parent = null;
        this.name = "system";
        this.maxPriority = Thread.MAX_PRIORITY;
    }

    public ThreadGroup(String name) {
        this(Thread.currentThread().getThreadGroup(), name);
    }

    public ThreadGroup(ThreadGroup parent, String name) {
        if (parent == null) {
            throw new NullPointerException();
        }
        this.parent = parent;
        this.name = name;
        this.maxPriority = parent.maxPriority;
        this.daemon = parent.daemon;
        synchronized (GROUPS) {
            GROUPS.add(this);
        }
    }

    public final String getName() {
        return name;
    }

    public final ThreadGroup getParent() {
        return parent;
    }

    public final int getMaxPriority() {
        return maxPriority;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    public final void setDaemon(boolean daemon) {
        this.daemon = daemon;
    }

    @Deprecated(since = "16", forRemoval = true)
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Deprecated(since = "16", forRemoval = true)
    public final void destroy() {
        if (destroyed || activeCount() > 0) {
            throw new IllegalThreadStateException();
        }
        destroyed = true;
    }

    public final void setMaxPriority(int pri) {
        if (pri < Thread.MIN_PRIORITY || pri > Thread.MAX_PRIORITY) {
            return;
        }
        maxPriority = parent != null ? Math.min(pri, parent.maxPriority) : pri;
        synchronized (GROUPS) {
            for (ThreadGroup g : GROUPS) {
                if (g != this && parentOf(g) && g.maxPriority > maxPriority) {
                    g.maxPriority = maxPriority;
                }
            }
        }
    }

    public final boolean parentOf(ThreadGroup g) {
        for (; g != null; g = g.parent) {
            if (g == this) {
                return true;
            }
        }
        return false;
    }

    @Deprecated(since = "17", forRemoval = true)
    public final void checkAccess() {
    }

    /** The live threads of this group and its subgroups. */
    private List<Thread> threads(boolean recurse) {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.liveThreads()) {
            ThreadGroup g = t.getThreadGroup();
            if (g == this || (recurse && parentOf(g))) {
                out.add(t);
            }
        }
        return out;
    }

    private List<ThreadGroup> groups(boolean recurse) {
        List<ThreadGroup> out = new ArrayList<>();
        synchronized (GROUPS) {
            for (ThreadGroup g : GROUPS) {
                if (g != this && !g.destroyed && (recurse ? parentOf(g) : g.parent == this)) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    public int activeCount() {
        return threads(true).size();
    }

    public int enumerate(Thread[] list) {
        return enumerate(list, true);
    }

    public int enumerate(Thread[] list, boolean recurse) {
        List<Thread> threads = threads(recurse);
        int n = Math.min(list.length, threads.size());
        for (int i = 0; i < n; i++) {
            list[i] = threads.get(i);
        }
        return n;
    }

    public int activeGroupCount() {
        return groups(true).size();
    }

    public int enumerate(ThreadGroup[] list) {
        return enumerate(list, true);
    }

    public int enumerate(ThreadGroup[] list, boolean recurse) {
        List<ThreadGroup> groups = groups(recurse);
        int n = Math.min(list.length, groups.size());
        for (int i = 0; i < n; i++) {
            list[i] = groups.get(i);
        }
        return n;
    }

    public final void interrupt() {
        for (Thread t : threads(true)) {
            t.interrupt();
        }
    }

    public void list() {
        list(System.out, 0);
    }

    private void list(java.io.PrintStream out, int indent) {
        out.println(" ".repeat(indent) + this);
        indent += 4;
        for (Thread t : threads(false)) {
            out.println(" ".repeat(indent) + t);
        }
        for (ThreadGroup g : groups(false)) {
            g.list(out, indent);
        }
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        if (parent != null) {
            parent.uncaughtException(t, e);
            return;
        }
        Thread.UncaughtExceptionHandler ueh = Thread.getDefaultUncaughtExceptionHandler();
        if (ueh != null) {
            ueh.uncaughtException(t, e);
        } else {
            System.err.print("Exception in thread \"" + t.getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }

    @Override
    public String toString() {
        return getClass().getName() + "[name=" + getName() + ",maxpri=" + getMaxPriority() + "]";
    }
}
