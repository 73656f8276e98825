public class Main {
    static class Worker extends Thread {
        Worker(String name) { super(name); }

        void step(int i) {
            if (i == 3) {
                throw new RuntimeException("worker failed at step " + i);
            }
        }

        @Override public void run() {
            for (int i = 0; i < 5; i++) {
                step(i);
            }
        }
    }

    static class Quiet extends Thread {
        Quiet() { super("quiet"); }
        @Override public void run() {
            int[] a = new int[1];
            a[1] = 2;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("main starts worker");
        Worker w = new Worker("worker");
        w.start();
        w.join();
        System.out.println("worker finished, alive " + w.isAlive());
        Quiet q = new Quiet();
        q.setUncaughtExceptionHandler((t, e) -> System.out.println("handler got " + e + " from " + t.getName()));
        q.start();
        q.join();
        Thread.UncaughtExceptionHandler old = Thread.getDefaultUncaughtExceptionHandler();
        System.out.println("default handler null " + (old == null));
        System.out.println("main exits normally");
    }
}
