// The 48-bit linear congruential generator specified by java.util.Random.
package java.util;

public class Random implements java.io.Serializable {
    private long seed;

    private static final long multiplier = 0x5DEECE66DL;
    private static final long addend = 0xBL;
    private static final long mask = (1L << 48) - 1;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private static long seedUniquifier = 8682522807148012L;

    private double nextNextGaussian;
    private boolean haveNextNextGaussian = false;

    public Random() {
        this(nextSeedUniquifier() ^ System.nanoTime());
    }

    private static synchronized long nextSeedUniquifier() {
        seedUniquifier *= 1181783497276652981L;
        return seedUniquifier;
    }

    public Random(long seed) {
        this.seed = initialScramble(seed);
    }

    private static long initialScramble(long seed) {
        return (seed ^ multiplier) & mask;
    }

    public synchronized void setSeed(long seed) {
        this.seed = initialScramble(seed);
        haveNextNextGaussian = false;
    }

    protected synchronized int next(int bits) {
        long nextseed = (seed * multiplier + addend) & mask;
        seed = nextseed;
        return (int) (nextseed >>> (48 - bits));
    }

    public void nextBytes(byte[] bytes) {
        for (int i = 0, len = bytes.length; i < len;) {
            for (int rnd = nextInt(), n = Math.min(len - i, Integer.SIZE / Byte.SIZE); n-- > 0; rnd >>= Byte.SIZE) {
                bytes[i++] = (byte) rnd;
            }
        }
    }

    public int nextInt() {
        return next(32);
    }

    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            r = (int) ((bound * (long) r) >> 31);
        } else {
            for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
            }
        }
        return r;
    }

    // The bounded forms below follow RandomSupport's algorithms, which Java 17's Random inherits.
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        int r = nextInt();
        int n = bound - origin;
        int m = n - 1;
        if ((n & m) == 0) {
            r = (r & m) + origin;
        } else if (n > 0) {
            for (int u = r >>> 1; u + m - (r = u % n) < 0; u = nextInt() >>> 1) {
            }
            r += origin;
        } else {
            while (r < origin || r >= bound) {
                r = nextInt();
            }
        }
        return r;
    }

    public long nextLong() {
        return ((long) (next(32)) << 32) + next(32);
    }

    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long m = bound - 1;
        long r = nextLong();
        if ((bound & m) == 0L) {
            r &= m;
        } else {
            for (long u = r >>> 1; u + m - (r = u % bound) < 0L; u = nextLong() >>> 1) {
            }
        }
        return r;
    }

    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        long r = nextLong();
        long n = bound - origin;
        long m = n - 1;
        if ((n & m) == 0L) {
            r = (r & m) + origin;
        } else if (n > 0L) {
            for (long u = r >>> 1; u + m - (r = u % n) < 0L; u = nextLong() >>> 1) {
            }
            r += origin;
        } else {
            while (r < origin || r >= bound) {
                r = nextLong();
            }
        }
        return r;
    }

    public boolean nextBoolean() {
        return next(1) != 0;
    }

    public float nextFloat() {
        return next(24) / ((float) (1 << 24));
    }

    public double nextDouble() {
        return (((long) (next(26)) << 27) + next(27)) * DOUBLE_UNIT;
    }

    public double nextDouble(double bound) {
        if (!(0.0 < bound && bound < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound must be finite and positive");
        }
        double r = nextDouble();
        r = r * bound;
        if (r >= bound) {
            r = Math.nextDown(bound);
        }
        return r;
    }

    public double nextDouble(double origin, double bound) {
        if (!(origin < bound && (bound - origin) < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        double r = nextDouble();
        r = r * (bound - origin) + origin;
        if (r >= bound) {
            r = Math.nextDown(bound);
        }
        return r;
    }

    public synchronized double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        } else {
            double v1;
            double v2;
            double s;
            do {
                v1 = 2 * nextDouble() - 1;
                v2 = 2 * nextDouble() - 1;
                s = v1 * v1 + v2 * v2;
            } while (s >= 1 || s == 0);
            double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            nextNextGaussian = v2 * multiplier;
            haveNextNextGaussian = true;
            return v1 * multiplier;
        }
    }

    private static void checkStreamSize(long streamSize) {
        if (streamSize < 0L) {
            throw new IllegalArgumentException("size must be non-negative");
        }
    }

    private static void checkRange(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
    }

    private static void checkRange(double origin, double bound) {
        if (!(origin < bound && (bound - origin) < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
    }


    // The JDK's random streams are SIZED (Long.MAX_VALUE when unbounded); count() relies on it.
    private java.util.stream.IntStream ints0(long size, boolean bounded, int origin, int bound) {
        PrimitiveIterator.OfInt it = new PrimitiveIterator.OfInt() {
            private long remaining = size;

            public boolean hasNext() {
                return remaining > 0;
            }

            public int nextInt() {
                if (remaining <= 0) {
                    throw new NoSuchElementException();
                }
                remaining--;
                return bounded ? Random.this.nextInt(origin, bound) : Random.this.nextInt();
            }
        };
        return java.util.stream.StreamSupport.intStream(Spliterators.spliterator(it, size,
                Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    public java.util.stream.IntStream ints(long streamSize) {
        checkStreamSize(streamSize);
        return ints0(streamSize, false, 0, 0);
    }

    public java.util.stream.IntStream ints() {
        return ints0(Long.MAX_VALUE, false, 0, 0);
    }

    public java.util.stream.IntStream ints(long streamSize, int randomNumberOrigin, int randomNumberBound) {
        checkStreamSize(streamSize);
        checkRange(randomNumberOrigin, randomNumberBound);
        return ints0(streamSize, true, randomNumberOrigin, randomNumberBound);
    }

    public java.util.stream.IntStream ints(int randomNumberOrigin, int randomNumberBound) {
        checkRange(randomNumberOrigin, randomNumberBound);
        return ints0(Long.MAX_VALUE, true, randomNumberOrigin, randomNumberBound);
    }

    // The JDK's random streams are SIZED (Long.MAX_VALUE when unbounded); count() relies on it.
    private java.util.stream.LongStream longs0(long size, boolean bounded, long origin, long bound) {
        PrimitiveIterator.OfLong it = new PrimitiveIterator.OfLong() {
            private long remaining = size;

            public boolean hasNext() {
                return remaining > 0;
            }

            public long nextLong() {
                if (remaining <= 0) {
                    throw new NoSuchElementException();
                }
                remaining--;
                return bounded ? Random.this.nextLong(origin, bound) : Random.this.nextLong();
            }
        };
        return java.util.stream.StreamSupport.longStream(Spliterators.spliterator(it, size,
                Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    public java.util.stream.LongStream longs(long streamSize) {
        checkStreamSize(streamSize);
        return longs0(streamSize, false, 0, 0);
    }

    public java.util.stream.LongStream longs() {
        return longs0(Long.MAX_VALUE, false, 0, 0);
    }

    public java.util.stream.LongStream longs(long streamSize, long randomNumberOrigin, long randomNumberBound) {
        checkStreamSize(streamSize);
        checkRange(randomNumberOrigin, randomNumberBound);
        return longs0(streamSize, true, randomNumberOrigin, randomNumberBound);
    }

    public java.util.stream.LongStream longs(long randomNumberOrigin, long randomNumberBound) {
        checkRange(randomNumberOrigin, randomNumberBound);
        return longs0(Long.MAX_VALUE, true, randomNumberOrigin, randomNumberBound);
    }

    // The JDK's random streams are SIZED (Long.MAX_VALUE when unbounded); count() relies on it.
    private java.util.stream.DoubleStream doubles0(long size, boolean bounded, double origin, double bound) {
        PrimitiveIterator.OfDouble it = new PrimitiveIterator.OfDouble() {
            private long remaining = size;

            public boolean hasNext() {
                return remaining > 0;
            }

            public double nextDouble() {
                if (remaining <= 0) {
                    throw new NoSuchElementException();
                }
                remaining--;
                return bounded ? Random.this.nextDouble(origin, bound) : Random.this.nextDouble();
            }
        };
        return java.util.stream.StreamSupport.doubleStream(Spliterators.spliterator(it, size,
                Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    public java.util.stream.DoubleStream doubles(long streamSize) {
        checkStreamSize(streamSize);
        return doubles0(streamSize, false, 0, 0);
    }

    public java.util.stream.DoubleStream doubles() {
        return doubles0(Long.MAX_VALUE, false, 0, 0);
    }

    public java.util.stream.DoubleStream doubles(long streamSize, double randomNumberOrigin, double randomNumberBound) {
        checkStreamSize(streamSize);
        checkRange(randomNumberOrigin, randomNumberBound);
        return doubles0(streamSize, true, randomNumberOrigin, randomNumberBound);
    }

    public java.util.stream.DoubleStream doubles(double randomNumberOrigin, double randomNumberBound) {
        checkRange(randomNumberOrigin, randomNumberBound);
        return doubles0(Long.MAX_VALUE, true, randomNumberOrigin, randomNumberBound);
    }
}
