import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class Main {
    static int syncCounter = 0;
    static final Object LOCK = new Object();
    static final AtomicInteger atomic = new AtomicInteger();
    static final AtomicLong atomicLong = new AtomicLong();

    static class Account {
        private long balance;
        synchronized void deposit(long v) { balance += v; }
        synchronized boolean withdraw(long v) {
            if (balance >= v) {
                balance -= v;
                return true;
            }
            return false;
        }
        synchronized long balance() { return balance; }
    }

    static int staticSynced = 0;
    static synchronized void incStatic() { staticSynced++; }

    public static void main(String[] args) throws InterruptedException {
        Account acct = new Account();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            final int id = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10000; i++) {
                    synchronized (LOCK) {
                        syncCounter++;
                    }
                    atomic.incrementAndGet();
                    atomicLong.addAndGet(id + 1);
                    acct.deposit(2);
                    acct.withdraw(1);
                    incStatic();
                }
            }, "counter-" + t);
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("synchronized counter " + syncCounter);
        System.out.println("atomic counter " + atomic.get());
        System.out.println("atomic long " + atomicLong.get());
        System.out.println("account balance " + acct.balance());
        System.out.println("static synchronized " + staticSynced);
        AtomicInteger ai = new AtomicInteger(5);
        System.out.println(ai.getAndIncrement() + " " + ai.incrementAndGet() + " " + ai.compareAndSet(7, 70) + " " + ai.compareAndSet(7, 700) + " " + ai.get()
                + " " + ai.getAndAdd(5) + " " + ai.updateAndGet(x -> x * 2) + " " + ai.accumulateAndGet(3, Math::max) + " " + ai);
        Object reentrant = new Object();
        synchronized (reentrant) {
            synchronized (reentrant) {
                System.out.println("reentrant lock ok, holdsLock " + Thread.holdsLock(reentrant));
            }
        }
        System.out.println("holdsLock after " + Thread.holdsLock(reentrant));
        try {
            reentrant.notify();
        } catch (IllegalMonitorStateException e) {
            System.out.println("IMSE: " + e.getMessage());
        }
        try {
            reentrant.wait(1);
        } catch (IllegalMonitorStateException e) {
            System.out.println("IMSE on wait: " + e.getMessage());
        }
        int[] shared = new int[1];
        Thread a = new Thread(() -> {
            for (int i = 0; i < 50000; i++) {
                synchronized (shared) {
                    shared[0] += 3;
                }
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 50000; i++) {
                synchronized (shared) {
                    shared[0] -= 1;
                }
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("shared " + shared[0]);
        try {
            synchronized (LOCK) {
                throw new IllegalStateException("thrown while holding lock");
            }
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage() + ", released: " + !Thread.holdsLock(LOCK));
        }
    }
}
