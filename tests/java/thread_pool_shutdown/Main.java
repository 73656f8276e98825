// A hand-written worker pool shut down by interrupts, the way pre-java.util.concurrent code
// did it: each worker blocks in a different call (sleep, wait, wait with timeout, join,
// a busy loop polling isInterrupted, a monitor it cannot enter), main waits until each one is
// really blocked (Thread.getState), interrupts them all, and each worker's handler records
// what it saw: InterruptedException with the flag cleared, the flag restored by
// Thread.currentThread().interrupt(), Thread.interrupted() clearing it, and the blocked-on-a-
// monitor worker that gets no exception. Workers write their own slots; main prints after join.
public class Main {
    static final Object queueLock = new Object();
    static final Object gate = new Object();
    static final String[] report = new String[7];

    static class Worker extends Thread {
        final int slot;
        final String kind;
        final Thread other;

        Worker(int slot, String kind, Thread other) {
            super("worker-" + slot + "-" + kind);
            this.slot = slot;
            this.kind = kind;
            this.other = other;
        }

        @Override
        public void run() {
            StringBuilder sb = new StringBuilder(getName()).append(": ");
            try {
                switch (kind) {
                    case "sleep" -> Thread.sleep(60_000);
                    case "wait" -> {
                        synchronized (queueLock) {
                            queueLock.wait();
                        }
                    }
                    case "timed-wait" -> {
                        synchronized (queueLock) {
                            queueLock.wait(60_000);
                        }
                    }
                    case "join" -> other.join();
                    case "timed-join" -> other.join(60_000);
                    case "poll" -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.onSpinWait();
                        }
                        sb.append("saw the flag, ");
                        sb.append("interrupted() ").append(Thread.interrupted()).append(" then ").append(Thread.interrupted());
                        report[slot] = sb.toString();
                        return;
                    }
                    case "monitor" -> {
                        synchronized (gate) {
                            sb.append("entered the monitor with flag ").append(isInterrupted());
                            try {
                                Thread.sleep(1);
                                sb.append(", sleep did not throw");
                            } catch (InterruptedException e) {
                                sb.append(", then sleep threw at once, flag ").append(isInterrupted());
                            }
                        }
                        report[slot] = sb.toString();
                        return;
                    }
                    default -> throw new IllegalArgumentException(kind);
                }
                sb.append("returned normally");
            } catch (InterruptedException e) {
                sb.append("InterruptedException");
                if (e.getMessage() != null) {
                    sb.append(" (").append(e.getMessage()).append(")");
                }
                sb.append(", flag ").append(isInterrupted());
                Thread.currentThread().interrupt();
                sb.append(", restored ").append(isInterrupted());
            }
            report[slot] = sb.toString();
        }
    }

    static void awaitState(Thread t, Thread.State want) throws InterruptedException {
        while (t.getState() != want) {
            Thread.sleep(1);
        }
    }

    public static void main(String[] args) throws Exception {
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                // shutting down
            }
        }, "long-task");
        sleeper.start();

        String[] kinds = {"sleep", "wait", "timed-wait", "join", "timed-join", "poll", "monitor"};
        Thread.State[] blockedIn = {Thread.State.TIMED_WAITING, Thread.State.WAITING, Thread.State.TIMED_WAITING,
            Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.RUNNABLE, Thread.State.BLOCKED};
        Worker[] workers = new Worker[kinds.length];
        synchronized (gate) {
            for (int i = 0; i < kinds.length; i++) {
                workers[i] = new Worker(i, kinds[i], sleeper);
                workers[i].setDaemon(false);
                workers[i].start();
                awaitState(workers[i], blockedIn[i]);
                System.out.println(workers[i].getName() + " is " + workers[i].getState() + ", interrupted " + workers[i].isInterrupted());
            }
            System.out.println("shutting down");
            for (Worker w : workers) {
                w.interrupt();
            }
            Worker monitorWorker = workers[workers.length - 1];
            Thread.sleep(20);
            System.out.println(monitorWorker.getName() + " still " + monitorWorker.getState() + ", flag " + monitorWorker.isInterrupted());
        }
        for (Worker w : workers) {
            w.join();
        }
        for (String r : report) {
            System.out.println(r);
        }
        for (Worker w : workers) {
            System.out.println(w.getName() + " ended " + w.getState() + ", isInterrupted after death " + w.isInterrupted());
        }

        Thread.currentThread().interrupt();
        try {
            Thread.sleep(10);
            System.out.println("main: sleep ignored the pending interrupt");
        } catch (InterruptedException e) {
            System.out.println("main: pending interrupt made sleep throw at once, flag " + Thread.currentThread().isInterrupted());
        }
        Thread.currentThread().interrupt();
        synchronized (queueLock) {
            try {
                queueLock.wait(10);
            } catch (InterruptedException e) {
                System.out.println("main: pending interrupt made wait throw, flag " + Thread.currentThread().isInterrupted());
            }
        }
        Thread.currentThread().interrupt();
        System.out.println("main: interrupted() " + Thread.interrupted() + ", again " + Thread.interrupted());
        sleeper.interrupt();
        sleeper.join();
        System.out.println("long-task " + sleeper.getState());
    }
}
