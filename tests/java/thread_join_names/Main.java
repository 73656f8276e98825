public class Main {
    static final long[] results = new long[6];

    static class Summer extends Thread {
        final int slot;
        Summer(int slot) {
            super("summer-" + slot);
            this.slot = slot;
        }

        @Override public void run() {
            long s = 0;
            for (int i = 0; i <= 100000 * (slot + 1); i++) {
                s += (long) i * (slot + 1) % 1009;
            }
            results[slot] = s;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread main = Thread.currentThread();
        System.out.println("main thread name: " + main.getName() + " alive " + main.isAlive() + " daemon " + main.isDaemon() + " priority " + main.getPriority());
        Summer[] ts = new Summer[results.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Summer(i);
            System.out.println("created " + ts[i].getName() + " state " + ts[i].getState() + " alive " + ts[i].isAlive());
        }
        for (Summer t : ts) {
            t.start();
        }
        for (Summer t : ts) {
            t.join();
        }
        for (int i = 0; i < ts.length; i++) {
            System.out.println(ts[i].getName() + " -> " + results[i] + " state " + ts[i].getState() + " alive " + ts[i].isAlive());
        }
        String[] seen = new String[3];
        Thread[] named = new Thread[3];
        for (int i = 0; i < 3; i++) {
            final int idx = i;
            named[i] = new Thread(() -> seen[idx] = Thread.currentThread().getName() + " saw idx " + idx, "worker-" + (char) ('a' + i));
        }
        for (Thread t : named) {
            t.start();
            t.join();
        }
        for (String s : seen) {
            System.out.println(s);
        }
        Thread renamed = new Thread(() -> { });
        renamed.setName("renamed-thread");
        System.out.println(renamed.getName());
        Thread daemon = new Thread(() -> { });
        daemon.setDaemon(true);
        System.out.println("daemon " + daemon.isDaemon());
        StringBuilder chain = new StringBuilder();
        Thread t1 = new Thread(() -> chain.append("one "));
        Thread t2 = new Thread(() -> {
            try {
                t1.join();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            synchronized (chain) {
                chain.append("two ");
            }
        });
        t2.start();
        t1.start();
        t2.join();
        System.out.println("chain: " + chain);
        Thread inter = new Thread(() -> {
            try {
                Thread.sleep(10_000);
                System.out.println("sleep finished (unexpected)");
            } catch (InterruptedException e) {
                System.out.println("interrupted while sleeping, flag now " + Thread.currentThread().isInterrupted());
            }
        });
        inter.start();
        inter.interrupt();
        inter.join();
        Thread.currentThread().interrupt();
        System.out.println("self interrupted " + Thread.interrupted() + " then " + Thread.interrupted());
        System.out.println("main done");
    }
}
