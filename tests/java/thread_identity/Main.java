// Thread identity as servers set it up: default names (Thread-N, numbered by creation of
// unnamed threads), setName before and after start, ids (unique, positive, stable; compared,
// never printed), priorities (inherited from the creator, clamped to the group's maximum,
// IllegalArgumentException outside 1..10), daemon status (inherited, setDaemon refused after
// start), thread groups (name, parent, maxPriority, activeCount after joins), toString, and a
// naming ThreadFactory-style helper. All printing is done by main after joins.
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

public class Main {
    static final class NamedFactory implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger(1);
        private final boolean daemon;

        NamedFactory(String prefix, boolean daemon) {
            this.prefix = prefix;
            this.daemon = daemon;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + next.getAndIncrement());
            t.setDaemon(daemon);
            return t;
        }
    }

    public static void main(String[] args) throws Exception {
        Thread main = Thread.currentThread();
        System.out.println("main: " + main.getName() + " priority " + main.getPriority() + " daemon " + main.isDaemon()
                + " group " + main.getThreadGroup().getName() + " " + main);

        List<Thread> unnamed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            unnamed.add(new Thread(() -> { }));
        }
        Thread named = new Thread(() -> { }, "custom");
        Thread alsoUnnamed = new Thread(() -> { });
        for (Thread t : unnamed) {
            System.out.println("unnamed: " + t.getName() + " state " + t.getState());
        }
        System.out.println("named: " + named.getName() + ", next unnamed: " + alsoUnnamed.getName());

        Set<Long> ids = new HashSet<>();
        boolean positive = true;
        for (Thread t : unnamed) {
            ids.add(t.getId());
            positive &= t.getId() > 0;
        }
        ids.add(named.getId());
        ids.add(main.getId());
        System.out.println("ids unique: " + (ids.size() == 5) + ", positive: " + positive + ", later thread has larger id: "
                + (alsoUnnamed.getId() > named.getId()));

        String[] seenInside = new String[4];
        Thread renamed = new Thread(() -> {
            Thread me = Thread.currentThread();
            seenInside[0] = me.getName() + " prio " + me.getPriority() + " daemon " + me.isDaemon();
            Thread child = new Thread(() -> seenInside[2] = "child of renamed: prio " + Thread.currentThread().getPriority()
                    + " daemon " + Thread.currentThread().isDaemon());
            seenInside[1] = "child created with prio " + child.getPriority() + " daemon " + child.isDaemon();
            child.start();
            try {
                child.join();
            } catch (InterruptedException e) {
                seenInside[3] = "interrupted";
            }
        }, "before-rename");
        renamed.setName("after-rename");
        renamed.setPriority(Thread.MAX_PRIORITY - 2);
        renamed.setDaemon(true);
        long idBefore = renamed.getId();
        renamed.start();
        renamed.join();
        for (String s : seenInside) {
            if (s != null) {
                System.out.println("  " + s);
            }
        }
        System.out.println("id stable across start: " + (idBefore == renamed.getId()) + ", toString " + renamed);
        renamed.setName("renamed-after-death");
        System.out.println("renamed after death: " + renamed.getName());

        Thread t = new Thread(() -> { }, "prio");
        for (int p : new int[] {Thread.MIN_PRIORITY, 0, 11, Thread.NORM_PRIORITY, -5}) {
            try {
                t.setPriority(p);
                System.out.println("setPriority(" + p + ") -> " + t.getPriority());
            } catch (IllegalArgumentException e) {
                System.out.println("setPriority(" + p + ") -> IllegalArgumentException " + e.getMessage());
            }
        }

        ThreadGroup workers = new ThreadGroup("workers");
        workers.setMaxPriority(6);
        ThreadGroup nested = new ThreadGroup(workers, "nested");
        Thread inGroup = new Thread(workers, () -> { }, "grouped");
        inGroup.setPriority(Thread.MAX_PRIORITY);
        Thread inNested = new Thread(nested, () -> { }, "deep");
        System.out.println("group " + workers.getName() + " parent " + workers.getParent().getName() + " max " + workers.getMaxPriority()
                + ", nested max " + nested.getMaxPriority() + " parent " + nested.getParent().getName()
                + ", grouped prio clamped to " + inGroup.getPriority() + ", " + inGroup + ", " + inNested);
        System.out.println("workers is parent of nested: " + workers.parentOf(nested) + ", nested of workers: " + nested.parentOf(workers));
        inGroup.start();
        inNested.start();
        inGroup.join();
        inNested.join();
        System.out.println("after joins active in workers: " + workers.activeCount() + ", groups " + workers.activeGroupCount());
        System.out.println("terminated thread's group: " + inGroup.getThreadGroup());

        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        Thread daemonStarter = new Thread(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                return;
            }
        }, "started");
        daemonStarter.start();
        try {
            daemonStarter.setDaemon(true);
            System.out.println("setDaemon after start accepted");
        } catch (IllegalThreadStateException e) {
            System.out.println("setDaemon after start: IllegalThreadStateException");
        }
        hold.countDown();
        daemonStarter.join();
        daemonStarter.setDaemon(true);
        System.out.println("setDaemon after death accepted: " + daemonStarter.isDaemon());
        try {
            daemonStarter.start();
        } catch (IllegalThreadStateException e) {
            System.out.println("second start: IllegalThreadStateException");
        }

        NamedFactory factory = new NamedFactory("http-worker", true);
        String[] names = new String[3];
        Thread[] pool = new Thread[3];
        for (int i = 0; i < pool.length; i++) {
            int slot = i;
            pool[i] = factory.newThread(() -> names[slot] = Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " (daemon)" : ""));
            pool[i].start();
        }
        for (Thread p : pool) {
            p.join();
        }
        System.out.println("pool ran: " + String.join(", ", names));
        System.out.println("main still " + main.getState() + ", isAlive " + main.isAlive());
    }
}
