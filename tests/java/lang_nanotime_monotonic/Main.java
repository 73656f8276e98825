// System.nanoTime never goes back, and measures the time that passes, wherever the process
// is captured, restored or moved: a busy wait measured by it ends, and an elapsed time is
// never negative.
public class Main {
    static long spin(long nanos) {
        long t0 = System.nanoTime();
        long spins = 0;
        while (System.nanoTime() - t0 < nanos) {
            spins++;
        }
        return System.nanoTime() - t0;
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long last = start;
        int back = 0;
        for (int i = 0; i < 300; i++) {
            long now = System.nanoTime();
            if (now < last) {
                back++;
            }
            last = now;
        }
        System.out.println("went back " + back + " times");
        long waited = spin(2_000_000L);
        System.out.println("spun at least 2 ms: " + (waited >= 2_000_000L));
        long before = System.nanoTime();
        Thread.sleep(5);
        long slept = System.nanoTime() - before;
        System.out.println("slept at least 5 ms: " + (slept >= 5_000_000L));
        System.out.println("elapsed is positive: " + (System.nanoTime() - start > 0));
    }
}
