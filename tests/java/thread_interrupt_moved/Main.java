// A thread blocked in Object.wait, Thread.sleep and Thread.join is captured, moved and resumed
// (the corpus's cross runs stop it while they wait) and still gets its interrupt in the
// handler around the call, with the flag cleared; getState reports the waits the same after
// the move.
public class Main {
    static final Object lock = new Object();

    public static void main(String[] args) throws Exception {
        String[] seen = new String[3];
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                try {
                    lock.wait(600_000);
                    seen[0] = "wait returned";
                } catch (InterruptedException e) {
                    seen[0] = "wait interrupted, flag " + Thread.currentThread().isInterrupted();
                }
            }
        });
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(600_000);
                seen[1] = "sleep returned";
            } catch (InterruptedException e) {
                seen[1] = "sleep interrupted: " + e.getMessage();
            }
        });
        Thread joiner = new Thread(() -> {
            try {
                sleeper.join();
                seen[2] = "join returned";
            } catch (InterruptedException e) {
                seen[2] = "join interrupted, flag " + Thread.currentThread().isInterrupted();
            }
        });
        waiter.start();
        sleeper.start();
        joiner.start();
        for (Thread t : new Thread[] {waiter, sleeper, joiner}) {
            while (t.getState() == Thread.State.RUNNABLE || t.getState() == Thread.State.NEW) {
                Thread.yield();
            }
        }
        System.out.println("states: " + waiter.getState() + " " + sleeper.getState() + " " + joiner.getState());
        // Time passes here (long enough for a capture and a move), then the interrupts come.
        long spin = 0;
        for (int i = 0; i < 200_000; i++) {
            spin += i % 7;
        }
        System.out.println("after the pause: " + waiter.getState() + " " + sleeper.getState() + " " + joiner.getState()
                + " " + spin);
        joiner.interrupt();
        joiner.join();
        waiter.interrupt();
        waiter.join();
        sleeper.interrupt();
        sleeper.join();
        for (String s : seen) {
            System.out.println(s);
        }
    }
}
