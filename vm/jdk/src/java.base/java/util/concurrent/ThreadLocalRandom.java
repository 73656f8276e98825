// A per-thread random number generator.
package java.util.concurrent;

import java.util.Random;

// One generator per thread, kept in a ThreadLocal and seeded from the clock and a counter.
public class ThreadLocalRandom extends Random {
    private static final ThreadLocal<ThreadLocalRandom> LOCAL = new ThreadLocal<ThreadLocalRandom>() {
        protected ThreadLocalRandom initialValue() {
            return new ThreadLocalRandom();
        }
    };

    private final boolean initialized;

    private ThreadLocalRandom() {
        super();
        initialized = true;
    }

    public static ThreadLocalRandom current() {
        return LOCAL.get();
    }

    public void setSeed(long seed) {
        if (initialized) {
            throw new UnsupportedOperationException();
        }
        super.setSeed(seed);
    }
}
