// Thread.getStackTrace of another thread, in each state it can be observed in: not started and
// terminated (empty), blocked in a native (Object.wait, Thread.sleep, join: the native on top,
// as HotSpot shows it), blocked entering a synchronized block (at the monitorenter) or method
// (the method at its first line), and the current thread (a new exception's trace, starting at
// Thread.getStackTrace). Program frames print whole (another thread's elements name the class
// loader: app//Main...); class library frames print without their line numbers, which are not
// HotSpot's.
public class Main {
    static final Object lock = new Object();
    static final Object gate = new Object();

    static void print(String label, Thread t) {
        StackTraceElement[] trace = t.getStackTrace();
        System.out.println(label + ": " + t.getState() + ", " + trace.length + " frames");
        for (StackTraceElement e : trace) {
            if (e.getClassName().startsWith("Main")) {
                System.out.println("  " + e);
            } else {
                System.out.println("  " + e.getModuleName() + " " + e.getClassName() + "." + e.getMethodName()
                        + (e.isNativeMethod() ? " (native)" : ""));
            }
        }
    }

    static void await(Thread t, Thread.State state) {
        while (t.getState() != state) {
            Thread.yield();
        }
    }

    static synchronized void entered() {
        System.out.println("entered the synchronized method");
    }

    static void waitForever() throws InterruptedException {
        synchronized (lock) {
            lock.wait();
        }
    }

    static void nested(int depth) throws InterruptedException {
        if (depth == 0) {
            waitForever();
        } else {
            nested(depth - 1);
        }
    }

    public static void main(String[] args) throws Exception {
        print("current", Thread.currentThread());

        Thread fresh = new Thread(() -> {});
        print("not started", fresh);

        Thread waiter = new Thread() {
            @Override
            public void run() {
                try {
                    nested(2);
                } catch (InterruptedException e) {
                    // ended by the interrupt below
                }
            }
        };
        waiter.start();
        await(waiter, Thread.State.WAITING);
        print("wait()", waiter);

        Thread timed = new Thread() {
            @Override
            public void run() {
                synchronized (lock) {
                    try {
                        lock.wait(1_000_000);
                    } catch (InterruptedException e) {
                        // ended by the interrupt below
                    }
                }
            }
        };
        timed.start();
        await(timed, Thread.State.TIMED_WAITING);
        print("wait(ms)", timed);

        Thread sleeper = new Thread() {
            @Override
            public void run() {
                try {
                    Thread.sleep(1_000_000);
                } catch (InterruptedException e) {
                    // ended by the interrupt below
                }
            }
        };
        sleeper.start();
        await(sleeper, Thread.State.TIMED_WAITING);
        print("sleep(ms)", sleeper);

        Thread sleeper2 = new Thread() {
            @Override
            public void run() {
                try {
                    Thread.sleep(1_000_000, 500);
                } catch (InterruptedException e) {
                    // ended by the interrupt below
                }
            }
        };
        sleeper2.start();
        await(sleeper2, Thread.State.TIMED_WAITING);
        print("sleep(ms, ns)", sleeper2);

        Thread joiner = new Thread() {
            @Override
            public void run() {
                try {
                    sleeper.join();
                } catch (InterruptedException e) {
                    // ended by the interrupt below
                }
            }
        };
        joiner.start();
        await(joiner, Thread.State.WAITING);
        print("join()", joiner);

        Thread blocked;
        synchronized (gate) {
            blocked = new Thread() {
                @Override
                public void run() {
                    synchronized (gate) {
                        System.out.println("entered the synchronized block");
                    }
                }
            };
            blocked.start();
            await(blocked, Thread.State.BLOCKED);
            print("monitorenter", blocked);
        }
        blocked.join();

        Thread blockedMethod = new Thread() {
            @Override
            public void run() {
                entered();
            }
        };
        synchronized (Main.class) {
            blockedMethod.start();
            await(blockedMethod, Thread.State.BLOCKED);
            print("synchronized method", blockedMethod);
        }
        blockedMethod.join();

        for (Thread t : new Thread[] {joiner, waiter, timed, sleeper, sleeper2}) {
            t.interrupt();
            t.join();
        }
        print("terminated", waiter);
    }
}
