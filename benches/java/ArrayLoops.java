// Benchmark: tight loops over int and long arrays. A sieve of Eratosthenes and prefix sums
// over a few million elements exercise array loads, stores, bounds checks and loop branches.
public class ArrayLoops {
    static int sieve(boolean[] composite) {
        int n = composite.length;
        for (int i = 0; i < n; i++) {
            composite[i] = false;
        }
        int count = 0;
        for (int i = 2; i < n; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < n; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }

    // Fills `values`, then turns it into prefix sums in `sums` and returns a digest of both.
    static long prefixSums(int[] values, long[] sums, int seed) {
        int x = seed;
        for (int i = 0; i < values.length; i++) {
            x = x * 1103515245 + 12345;
            values[i] = (x >>> 8) & 0xffff;
        }
        long running = 0;
        for (int i = 0; i < values.length; i++) {
            running += values[i];
            sums[i] = running;
        }
        long digest = 0;
        for (int i = 0; i < sums.length; i += 7) {
            digest ^= sums[i] + i;
        }
        return digest;
    }

    public static void main(String[] args) {
        boolean[] composite = new boolean[2_000_000];
        int[] values = new int[2_000_000];
        long[] sums = new long[values.length];
        long checksum = 0;
        for (int round = 0; round < 12; round++) {
            checksum = checksum * 31 + sieve(composite);
            checksum = checksum * 31 + prefixSums(values, sums, round);
        }
        System.out.println("ArrayLoops " + checksum);
    }
}
