public class Main {
    public static void main(String[] a) throws Exception {
        Thread main = Thread.currentThread();
        System.out.println(main + " " + main.getThreadGroup() + " " + main.getThreadGroup().getParent() + " " + main.getThreadGroup().getParent().getParent());
        System.out.println(Thread.activeCount() + " " + (main.getContextClassLoader() == ClassLoader.getSystemClassLoader()));
        ThreadGroup workers = new ThreadGroup("workers");
        workers.setMaxPriority(7);
        ThreadGroup sub = new ThreadGroup(workers, "sub");
        System.out.println(workers + " " + sub + " " + workers.parentOf(sub) + " " + sub.getParent().getName());
        Object lock = new Object();
        Thread[] ts = new Thread[3];
        synchronized (lock) {
            for (int i = 0; i < 3; i++) {
                ts[i] = new Thread(i == 2 ? sub : workers, () -> { synchronized (lock) { } }, "w" + i);
                ts[i].setPriority(9);
                ts[i].start();
            }
            System.out.println(ts[0] + " " + ts[2] + " " + workers.activeCount() + " " + sub.activeCount() + " " + workers.activeGroupCount());
            Thread[] list = new Thread[10];
            int n = workers.enumerate(list, false);
            System.out.println(n);
        }
        for (Thread t : ts) t.join();
        System.out.println(ts[0] + " " + ts[0].getThreadGroup() + " " + workers.activeCount());
        ThreadGroup handling = new ThreadGroup("handling") {
            @Override public void uncaughtException(Thread t, Throwable e) { System.out.println("group caught " + e.getMessage() + " in " + t.getName()); }
        };
        Thread bad = new Thread(handling, () -> { throw new IllegalStateException("boom"); }, "bad");
        bad.start(); bad.join();
        Thread plain = new Thread(() -> {});
        System.out.println(plain + " " + plain.getThreadGroup().getName() + " " + (plain.getUncaughtExceptionHandler() == plain.getThreadGroup()));
        Thread.currentThread().setContextClassLoader(null);
        System.out.println(Thread.currentThread().getContextClassLoader() + " " + new Thread(() -> {}).getContextClassLoader());
    }
}
