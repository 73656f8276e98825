import java.util.function.IntUnaryOperator;

// Lambdas linked by classes caught in the middle of their initialization, or whose
// initialization failed, by this thread or another: a checkpoint or a pre-copy session taken
// then must link those call sites again without running the initializers again.
class Doubler {
    static final IntUnaryOperator F = x -> x * 2;
    static long sum;
    static {
        for (int i = 0; i < 600_000; i++) {
            sum += F.applyAsInt(i) & 7;
        }
    }
}

class Bad {
    static Runnable r = () -> {};
    static {
        if (Boolean.parseBoolean("true")) {
            throw new RuntimeException("boom");
        }
    }
    static void touch() {}
}

class Slow {
    static Runnable r = () -> {};
    static long s;
    static {
        for (int i = 0; i < 600_000; i++) {
            s += i & 3;
        }
    }
}

public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("doubler " + Doubler.sum);
        try {
            Bad.touch();
        } catch (ExceptionInInitializerError e) {
            System.out.println("caught " + e.getCause().getMessage());
        }
        long s = 0;
        for (int i = 0; i < 600_000; i++) {
            s += i & 3;
        }
        System.out.println("after the failure " + s);
        try {
            Bad.touch();
        } catch (NoClassDefFoundError e) {
            System.out.println("again: " + e.getClass().getSimpleName());
        }
        Thread t = new Thread(() -> {
            Slow.r.run();
            System.out.println("slow " + Slow.s);
        });
        t.start();
        t.join();
    }
}
