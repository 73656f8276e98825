// Thread.getAllStackTraces: a map holding every live thread (looked up here by thread: its
// iteration order follows identity hash codes), not the threads not started or ended; the
// current thread's entry starts in the native dumpThreads. Its elements name the class loader
// (app//Main...) as HotSpot's do. Deep stacks: a throwable keeps 1024 frames, another thread's
// trace and a StackWalker every frame.
import java.util.Map;

public class Main {
    static final Object lock = new Object();
    static volatile boolean release;

    static void hold(int depth) throws InterruptedException {
        if (depth > 0) {
            hold(depth - 1);
            return;
        }
        synchronized (lock) {
            while (!release) {
                lock.wait();
            }
        }
    }

    static class Worker extends Thread {
        final int depth;

        Worker(String name, int depth) {
            super(name);
            this.depth = depth;
        }

        @Override
        public void run() {
            try {
                hold(depth);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static void print(String label, StackTraceElement[] trace) {
        if (trace == null) {
            System.out.println(label + ": absent");
            return;
        }
        int program = 0;
        for (StackTraceElement e : trace) {
            if (e.getClassName().startsWith("Main")) {
                program++;
            }
        }
        System.out.println(label + ": " + trace.length + " frames, " + program + " of the program");
        int shown = 0;
        for (StackTraceElement e : trace) {
            if (shown == 4) {
                System.out.println("  ...");
                break;
            }
            shown++;
            if (e.getClassName().startsWith("Main")) {
                System.out.println("  " + e);
            } else {
                System.out.println("  " + e.getClassName() + "." + e.getMethodName() + (e.isNativeMethod() ? " (native)" : ""));
            }
        }
    }

    static int throwableDepth(int n) {
        if (n == 0) {
            return new Throwable().getStackTrace().length;
        }
        return throwableDepth(n - 1);
    }

    static long walkerDepth(int n) {
        if (n == 0) {
            return StackWalker.getInstance().walk(s -> s.count());
        }
        return walkerDepth(n - 1);
    }

    public static void main(String[] args) throws Exception {
        Worker shallow = new Worker("shallow", 0);
        Worker deep = new Worker("deep", 2000);
        Worker idle = new Worker("idle", 0);
        Thread done = new Thread(() -> {}, "done");
        done.start();
        done.join();
        shallow.start();
        deep.start();
        for (Thread t : new Thread[] {shallow, deep}) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.yield();
            }
        }

        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        print("main", all.get(Thread.currentThread()));
        print("shallow", all.get(shallow));
        print("deep", all.get(deep));
        print("idle", all.get(idle));
        print("done", all.get(done));
        print("deep, by getStackTrace", deep.getStackTrace());

        System.out.println("throwable: " + throwableDepth(2000));
        System.out.println("walker: " + walkerDepth(2000));

        synchronized (lock) {
            release = true;
            lock.notifyAll();
        }
        shallow.join();
        deep.join();
        System.out.println("after: " + Thread.getAllStackTraces().containsKey(deep)
                + " " + Thread.getAllStackTraces().containsKey(Thread.currentThread()));
    }
}
