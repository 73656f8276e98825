public class Main {
    static volatile boolean stop = false;
    static volatile int progress = 0;

    public static void main(String[] args) throws InterruptedException {
        Thread spinner = new Thread(() -> {
            long spins = 0;
            while (!stop) {
                spins++;
                if (progress < 100) {
                    progress++;
                }
                Thread.yield();
            }
            System.out.println("spinner saw stop, progress " + progress + ", spun at least once " + (spins > 0));
        }, "spinner");
        spinner.start();
        while (progress < 100) {
            Thread.sleep(1);
        }
        stop = true;
        spinner.join();
        long before = System.nanoTime();
        Thread.sleep(20);
        long elapsedMs = (System.nanoTime() - before) / 1_000_000;
        System.out.println("slept at least 20 ms: " + (elapsedMs >= 19));
        Thread.sleep(0);
        Thread.sleep(1, 500);
        try {
            Thread.sleep(-1);
        } catch (IllegalArgumentException e) {
            System.out.println("IAE: " + e.getMessage());
        }
        int[] order = new int[3];
        int[] next = {0};
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++) {
            final int id = i;
            ts[i] = new Thread(() -> {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (next) {
                    order[id] = ++next[0];
                }
            });
        }
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        int total = order[0] + order[1] + order[2];
        System.out.println("all three ran, order sum " + total);
        long start = System.currentTimeMillis();
        System.out.println("currentTimeMillis is positive: " + (start > 0));
        Thread late = new Thread(() -> System.out.println("late thread runs"));
        late.start();
        late.join(5000);
        System.out.println("join with timeout returned, alive " + late.isAlive());
    }
}
