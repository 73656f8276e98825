// Benchmark: fannkuch-redux (as in the Computer Language Benchmarks Game): for every
// permutation of 1..N, count the prefix reversals ("pancake flips") until 1 comes first, and
// report the maximum and an alternating checksum. Small int arrays, element swaps and
// data-dependent branches, with no allocation in the loop.
public class Fannkuch {
    static final int N = 9;

    static long iteration() {
        int[] perm = new int[N];
        int[] flipped = new int[N];
        int[] count = new int[N];
        for (int i = 0; i < N; i++) {
            perm[i] = i;
        }
        int maxFlips = 0;
        int checksum = 0;
        int permutation = 0;
        int r = N;
        while (true) {
            // Reset the counters of the positions that the last rotation passed.
            while (r != 1) {
                count[r - 1] = r;
                r--;
            }
            int flips = 0;
            if (perm[0] != 0) {
                System.arraycopy(perm, 0, flipped, 0, N);
                int first = flipped[0];
                while (first != 0) {
                    for (int lo = 1, hi = first - 1; lo < hi; lo++, hi--) {
                        int t = flipped[lo];
                        flipped[lo] = flipped[hi];
                        flipped[hi] = t;
                    }
                    int next = flipped[first];
                    flipped[first] = first;
                    first = next;
                    flips++;
                }
            }
            maxFlips = Math.max(maxFlips, flips);
            checksum += (permutation & 1) == 0 ? flips : -flips;

            // The next permutation in the counting order: rotate the first r + 1 elements left.
            while (true) {
                if (r == N) {
                    return (long) maxFlips * 1000000 + checksum;
                }
                int first = perm[0];
                for (int i = 0; i < r; i++) {
                    perm[i] = perm[i + 1];
                }
                perm[r] = first;
                count[r]--;
                if (count[r] > 0) {
                    break;
                }
                r++;
            }
            permutation++;
        }
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long result = iteration();
            long elapsed = System.nanoTime() - start;
            System.err.println("iteration " + i + " " + elapsed + " ns");
            if (i > 0 && result != checksum) {
                throw new IllegalStateException("iteration " + i + " gave " + result + ", not " + checksum);
            }
            checksum = result;
        }
        System.out.println("Fannkuch " + checksum);
    }
}
