/**
 * The end of a process: shutdown hooks, run when the last non-daemon thread ends (the VM then
 * calls afterLastThread on a thread of its own) or when a thread calls System.exit.
 */
package java.lang;

import java.util.ArrayList;
import java.util.IdentityHashMap;

final class Shutdown {
    private Shutdown() {}

    /** Registered hooks; null once shutdown has begun. */
    private static IdentityHashMap<Thread, Thread> hooks = new IdentityHashMap<>();
    /** Registration order, so that hooks start in a deterministic order. */
    private static ArrayList<Thread> order = new ArrayList<>();
    /** Read by the VM: whether it must run afterLastThread before the process ends. */
    private static boolean pending;

    static synchronized void add(Thread hook) {
        if (hook == null) {
            throw new NullPointerException();
        }
        if (hooks == null) {
            throw new IllegalStateException("Shutdown in progress");
        }
        if (hook.isAlive()) {
            throw new IllegalArgumentException("Hook already running");
        }
        if (hooks.containsKey(hook)) {
            throw new IllegalArgumentException("Hook previously registered");
        }
        hooks.put(hook, hook);
        order.add(hook);
        pending = true;
    }

    static synchronized boolean remove(Thread hook) {
        if (hook == null) {
            throw new NullPointerException();
        }
        if (hooks == null) {
            throw new IllegalStateException("Shutdown in progress");
        }
        if (hooks.remove(hook) == null) {
            return false;
        }
        order.remove(hook);
        pending = !order.isEmpty();
        return true;
    }

    /** Takes the hooks to run, or null when another thread is shutting down already. */
    private static synchronized ArrayList<Thread> begin() {
        if (hooks == null) {
            return null;
        }
        ArrayList<Thread> run = order;
        hooks = null;
        order = null;
        pending = false;
        return run;
    }

    private static void runHooks(ArrayList<Thread> run) {
        for (Thread t : run) {
            t.start();
        }
        for (Thread t : run) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    // Hooks run to their end, as in the JDK.
                }
            }
        }
    }

    /** System.exit and Runtime.exit: run the hooks, then end the process. */
    static void exit(int status) {
        ArrayList<Thread> run = begin();
        if (run == null) {
            // Shutdown has begun elsewhere (a hook calling exit): wait for it, forever.
            Object never = new Object();
            synchronized (never) {
                while (true) {
                    try {
                        never.wait();
                    } catch (InterruptedException e) {
                        // keep waiting
                    }
                }
            }
        }
        runHooks(run);
        Runtime.halt0(status);
    }

    /** Called by the VM when the last non-daemon thread has ended and hooks are pending. */
    private static void afterLastThread(int status) {
        ArrayList<Thread> run = begin();
        if (run != null) {
            runHooks(run);
        }
        Runtime.halt0(status);
    }
}
