// A job monitor that reports a worker's Thread.State at each step of its life, driven by
// handshakes so that every state is reached deterministically: NEW, RUNNABLE (seen by the
// worker itself), BLOCKED on a monitor main holds, WAITING in Object.wait, LockSupport.park and
// Thread.join, TIMED_WAITING in Thread.sleep, Object.wait(ms), parkNanos and join(ms), and
// TERMINATED. The worker announces each phase in a volatile field before blocking; main waits
// until the phase is announced and the state has been reached, then prints and releases it.
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

public class Main {
    static final Object monitor = new Object();
    static final Object signal = new Object();
    static volatile int phase;
    static volatile boolean released;
    static final List<String> workerNotes = new ArrayList<>();
    static volatile Thread second;

    static class Job extends Thread {
        final Thread helper;

        Job(Thread helper) {
            super("job");
            this.helper = helper;
        }

        void announce(int p) {
            released = false;
            phase = p;
        }

        @Override
        public void run() {
            workerNotes.add("self state " + Thread.currentThread().getState());
            announce(1);
            synchronized (monitor) {
                workerNotes.add("entered monitor");
            }
            announce(2);
            synchronized (signal) {
                while (!released) {
                    try {
                        signal.wait();
                    } catch (InterruptedException e) {
                        workerNotes.add("unexpected interrupt");
                    }
                }
            }
            announce(3);
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                workerNotes.add("sleep interrupted");
            }
            announce(4);
            while (!released) {
                LockSupport.park(this);
            }
            announce(5);
            while (!released) {
                LockSupport.parkNanos(monitor, 60_000_000_000L);
            }
            announce(6);
            try {
                helper.join();
                workerNotes.add("helper joined, alive " + helper.isAlive());
            } catch (InterruptedException e) {
                workerNotes.add("unexpected interrupt");
            }
            announce(7);
            synchronized (signal) {
                while (!released) {
                    try {
                        signal.wait(60_000);
                    } catch (InterruptedException e) {
                        workerNotes.add("unexpected interrupt");
                    }
                }
            }
            second = new Thread(() -> {
                while (!released) {
                    LockSupport.park();
                }
            }, "second-helper");
            announce(8);
            second.start();
            try {
                second.join(60_000);
                workerNotes.add("timed join returned, second alive " + second.isAlive());
            } catch (InterruptedException e) {
                workerNotes.add("unexpected interrupt");
            }
            announce(9);
        }
    }

    static void report(Thread t, int wantPhase, Thread.State want) throws InterruptedException {
        while (phase != wantPhase || t.getState() != want) {
            Thread.sleep(1);
        }
        System.out.println("phase " + wantPhase + ": " + t.getName() + " is " + t.getState());
    }

    public static void main(String[] args) throws Exception {
        Thread helper = new Thread(() -> {
            synchronized (signal) {
                while (phase < 6 || !released) {
                    try {
                        signal.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "helper");
        helper.start();
        Job job = new Job(helper);
        System.out.println("before start: " + job.getState() + ", alive " + job.isAlive());
        synchronized (monitor) {
            job.start();
            report(job, 1, Thread.State.BLOCKED);
        }
        report(job, 2, Thread.State.WAITING);
        synchronized (signal) {
            released = true;
            signal.notifyAll();
        }
        report(job, 3, Thread.State.TIMED_WAITING);
        job.interrupt();
        report(job, 4, Thread.State.WAITING);
        released = true;
        LockSupport.unpark(job);
        report(job, 5, Thread.State.TIMED_WAITING);
        System.out.println("  blocker while parked with timeout: " + (LockSupport.getBlocker(job) == monitor));
        released = true;
        LockSupport.unpark(job);
        report(job, 6, Thread.State.WAITING);
        System.out.println("  helper is " + helper.getState());
        synchronized (signal) {
            released = true;
            signal.notifyAll();
        }
        report(job, 7, Thread.State.TIMED_WAITING);
        synchronized (signal) {
            released = true;
            signal.notifyAll();
        }
        report(job, 8, Thread.State.TIMED_WAITING);
        released = true;
        LockSupport.unpark(second);
        job.join();
        System.out.println("after join: " + job.getState() + ", alive " + job.isAlive() + ", last phase " + phase);
        for (String note : workerNotes) {
            System.out.println("  worker: " + note);
        }
        helper.join();
        System.out.println("helper " + helper.getState());
    }
}
