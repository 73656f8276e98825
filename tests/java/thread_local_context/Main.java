// Per-request context in ThreadLocals, as web containers and logging MDCs keep it: a request id
// and user in ThreadLocals set at the start of each request and removed in finally, a
// withInitial per-thread buffer reused across requests of one thread, initialValue called
// again after remove, an InheritableThreadLocal copied (through childValue) into threads a
// request spawns, and changes in a child not visible to its parent. Each worker thread
// writes its log into its own list; main prints them after joining.
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

public class Main {
    static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    static final ThreadLocal<String> USER = ThreadLocal.withInitial(() -> "anonymous");
    static final AtomicInteger buffersCreated = new AtomicInteger();
    static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> {
        buffersCreated.incrementAndGet();
        return new StringBuilder();
    });
    static final ThreadLocal<Integer> HANDLED = new ThreadLocal<>() {
        @Override
        protected Integer initialValue() {
            return 0;
        }
    };
    static final InheritableThreadLocal<List<String>> TRAIL = new InheritableThreadLocal<>() {
        @Override
        protected List<String> initialValue() {
            return new ArrayList<>();
        }

        @Override
        protected List<String> childValue(List<String> parent) {
            List<String> copy = new ArrayList<>(parent);
            copy.add("inherited");
            return copy;
        }
    };

    static String render(String message) {
        StringBuilder b = BUFFER.get();
        b.setLength(0);
        b.append('[').append(REQUEST_ID.get()).append(' ').append(USER.get()).append("] ").append(message);
        return b.toString();
    }

    static void handle(String requestId, String user, List<String> log) throws InterruptedException {
        REQUEST_ID.set(requestId);
        if (user != null) {
            USER.set(user);
        }
        TRAIL.get().add(requestId);
        try {
            log.add(render("start, handled before " + HANDLED.get()));
            String[] childSaw = new String[1];
            Thread audit = new Thread(() -> {
                childSaw[0] = "audit child sees request " + REQUEST_ID.get() + ", user " + USER.get() + ", trail " + TRAIL.get();
                TRAIL.get().add("child-only");
            });
            audit.start();
            audit.join();
            log.add(render(childSaw[0]));
            log.add(render("trail after child " + TRAIL.get()));
            HANDLED.set(HANDLED.get() + 1);
        } finally {
            REQUEST_ID.remove();
            USER.remove();
        }
        log.add(render("after cleanup"));
    }

    public static void main(String[] args) throws Exception {
        String[][] requests = {{"r1", "alice", "r2", null, "r3", "bob"}, {"s1", null, "s2", "carol"}};
        List<List<String>> logs = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        TRAIL.get().add("main");
        for (int w = 0; w < requests.length; w++) {
            List<String> log = new ArrayList<>();
            logs.add(log);
            String[] mine = requests[w];
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < mine.length; i += 2) {
                        handle(mine[i], mine[i + 1], log);
                    }
                    log.add("handled " + HANDLED.get() + ", trail " + TRAIL.get());
                } catch (InterruptedException e) {
                    log.add("interrupted");
                }
            }, "http-" + w);
            workers.add(t);
        }
        for (int i = 0; i < workers.size(); i++) {
            workers.get(i).start();
            workers.get(i).join();
        }
        for (int i = 0; i < logs.size(); i++) {
            System.out.println(workers.get(i).getName() + ":");
            for (String line : logs.get(i)) {
                System.out.println("  " + line);
            }
        }
        System.out.println("main: request " + REQUEST_ID.get() + ", user " + USER.get() + ", handled " + HANDLED.get()
                + ", trail " + TRAIL.get());
        System.out.println("buffers created " + buffersCreated.get());
        USER.set("admin");
        System.out.println("main user set: " + USER.get());
        USER.set(null);
        System.out.println("set to null: " + USER.get() + " (initial value is not used again)");
        USER.remove();
        System.out.println("after remove: " + USER.get());
        ThreadLocal<String> plain = new ThreadLocal<>();
        System.out.println("plain ThreadLocal without value: " + plain.get());
        InheritableThreadLocal<String> mode = new InheritableThreadLocal<>();
        mode.set("parent-mode");
        String[] childMode = new String[2];
        Thread child = new Thread(() -> {
            childMode[0] = mode.get();
            mode.set("child-mode");
            childMode[1] = mode.get();
        });
        mode.set("changed-after-creation");
        child.start();
        child.join();
        System.out.println("inherited at creation: " + childMode[0] + ", child changed its own: " + childMode[1] + ", parent still "
                + mode.get());
    }
}
